using System.Text.Json;
using System.Text.Json.Serialization;
using BotHost.Discord.Models;

namespace BotHost.Bridge;

/// <summary>Buttons as the raw component JSON interaction responses carry (legacy action rows, ≤ 5 buttons each).</summary>
public static class ComponentJson
{
    public const int Primary = 1;
    public const int Secondary = 2;
    public const int Danger = 4;
    public const int MaxCustomIdLength = 100;

    public static JsonElement Row(params Button[] buttons)
    {
        if (buttons.Length is 0 or > 5)
        {
            throw new ArgumentException($"An action row holds 1-5 buttons; got {buttons.Length}.", nameof(buttons));
        }

        if (buttons.FirstOrDefault(b => b.CustomId is { Length: 0 or > MaxCustomIdLength }) is { } bad)
        {
            throw new ArgumentException($"custom_id '{bad.CustomId}' must be 1-{MaxCustomIdLength} characters.", nameof(buttons));
        }

        return JsonSerializer.SerializeToElement(new ActionRow { Components = buttons }, BridgeJsonContext.Default.ActionRow);
    }

    public static Button Button(string label, string customId, int style = Primary) => new() { Label = label, CustomId = customId, Style = style };
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ActionRow))]
[JsonSerializable(typeof(Embed))]
internal sealed partial class BridgeJsonContext : JsonSerializerContext;
