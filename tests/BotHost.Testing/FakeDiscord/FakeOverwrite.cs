namespace BotHost.Testing.FakeDiscord;

/// <summary>A channel permission overwrite the fake hands out: <see cref="Type"/> 0 for a role (the guild id is @everyone), 1 for a member.</summary>
public sealed record FakeOverwrite(ulong Id, int Type, ulong Allow, ulong Deny)
{
    public static FakeOverwrite Role(ulong roleId, ulong allow = 0, ulong deny = 0) => new(roleId, 0, allow, deny);

    public static FakeOverwrite Member(ulong userId, ulong allow = 0, ulong deny = 0) => new(userId, 1, allow, deny);
}
