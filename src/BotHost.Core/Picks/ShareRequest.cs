using BotHost.Core.Subscriptions;

namespace BotHost.Core.Picks;

/// <summary>A member sharing a link into a channel, with an optional note ("why read this").</summary>
public sealed record ShareRequest(ChannelKey Channel, string Url, string? Note, ulong MemberId, string MemberName, IReadOnlyCollection<ulong> MemberRoleIds);
