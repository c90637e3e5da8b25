using System.Text.Json;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>Builds interactions as Discord would send them.</summary>
internal static class InteractionBuilder
{
    public const ulong ApplicationId = 4242;
    public const ulong GuildId = 777;
    public const ulong ChannelId = 888;

    private static long _nextId = 1_000;

    public static Interaction Command(string name, params InteractionDataOption[] options) => Create(
        InteractionType.ApplicationCommand,
        new InteractionData { Id = 55, Name = name, Type = ApplicationCommandType.ChatInput, Options = options });

    public static Interaction Autocomplete(string name, params InteractionDataOption[] options) => Create(
        InteractionType.ApplicationCommandAutocomplete,
        new InteractionData { Id = 55, Name = name, Type = ApplicationCommandType.ChatInput, Options = options });

    public static Interaction Button(string customId) => Create(
        InteractionType.MessageComponent,
        new InteractionData { CustomId = customId, ComponentType = 2 });

    public static InteractionDataOption Option(string name, ApplicationCommandOptionType type, object value, bool focused = false) => new()
    {
        Name = name,
        Type = type,
        Value = value switch
        {
            string s => JsonSerializer.SerializeToElement(s),
            long l => JsonSerializer.SerializeToElement(l),
            int i => JsonSerializer.SerializeToElement(i),
            double d => JsonSerializer.SerializeToElement(d),
            bool b => JsonSerializer.SerializeToElement(b),
            _ => throw new ArgumentException($"Unsupported option value type {value.GetType()}", nameof(value)),
        },
        Focused = focused ? true : null,
    };

    public static Interaction Create(InteractionType type, InteractionData? data) => new()
    {
        Id = (ulong)Interlocked.Increment(ref _nextId),
        ApplicationId = ApplicationId,
        Type = type,
        Data = data,
        GuildId = GuildId,
        ChannelId = ChannelId,
        Member = new InteractionMember { User = new InteractionUser { Id = 1, Username = "tester" }, Permissions = 1UL << 5 },
        Token = "tok-" + Guid.NewGuid().ToString("N"),
        Locale = "en-GB",
    };
}
