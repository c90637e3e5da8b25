using System.Threading.Channels;
using BotHost.Core.Subscriptions;
using BotHost.Discord.Gateway.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace BotHost.Bridge.Permissions;

/// <summary>
/// Pauses subscriptions, with the reason, when a gateway event takes their channel from the bot: a channel's or a
/// thread's overwrites changed or it was deleted, a role or the bot's own roles changed, or the bot left the server.
/// Only what an event may have changed is re-checked, from what it carries plus REST reads. Changes are handled one
/// at a time on this service's own loop, in the order they arrived, never on the gateway's; a check Discord could
/// not answer pauses nothing (a later delivery's 403 still would). Nothing here resumes: /subscription resume does,
/// after checking the bot's permissions again.
/// </summary>
public sealed class PermissionWatch(
    ChannelAccessChecker checker,
    SubscriptionStore subscriptions,
    SubscriptionService service,
    ILogger<PermissionWatch> logger) : BackgroundService
{
    private readonly Channel<GuildChange> _changes = Channel.CreateUnbounded<GuildChange>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues a change for the watch's loop; never blocks the caller (the gateway pump).</summary>
    public void Enqueue(GuildChange change) => _changes.Writer.TryWrite(change);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(change, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    PermissionWatchLog.Failed(logger, change.EventName, change.GuildId, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Re-checks the active subscriptions <paramref name="change"/> may concern and pauses those that can no longer be delivered.</summary>
    public async Task HandleAsync(GuildChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == GuildChangeKind.GuildUnavailable)
        {
            // Discord: GUILD_DELETE with unavailable=true is an outage; the bot is still a member.
            PermissionWatchLog.Outage(logger, change.GuildId);
            return;
        }

        var active = (await subscriptions.ListForGuildAsync(change.GuildId, cancellationToken)).Where(s => !s.Paused).ToList();
        if (active.Count == 0 || (change.Kind == GuildChangeKind.MemberUpdated && change.UserId != await checker.BotUserIdAsync(cancellationToken)))
        {
            return;
        }

        var verdicts = await CheckAsync(change, active, cancellationToken);
        var paused = 0;
        foreach (var subscription in active)
        {
            if (verdicts.TryGetValue(subscription.Channel.ChannelId, out var access) && access.Blocks)
            {
                await service.PauseAsync(subscription.Id, PauseReason(access, change), cancellationToken);
                paused++;
            }
            else if (access is { State: ChannelAccessState.Unknown })
            {
                PermissionWatchLog.NotChecked(logger, subscription.Id, change.EventName, access.Detail);
            }
        }

        PermissionWatchLog.Handled(logger, change.EventName, change.GuildId, verdicts.Count, paused);
    }

    private async Task<Dictionary<ulong, ChannelAccess>> CheckAsync(GuildChange change, IReadOnlyList<Subscription> active, CancellationToken cancellationToken)
    {
        var channels = active.Select(s => s.Channel.ChannelId).Distinct().ToList();
        var verdicts = new Dictionary<ulong, ChannelAccess>();
        switch (change.Kind)
        {
            case GuildChangeKind.GuildLeft:
                channels.ForEach(c => verdicts[c] = ChannelAccess.Removed());
                return verdicts;
            case GuildChangeKind.ThreadDeleted:
                if (channels.Contains(change.ChannelId!.Value))
                {
                    verdicts[change.ChannelId.Value] = ChannelAccess.Gone(isThread: true);
                }

                return verdicts;
        }

        var guild = await checker.ReadGuildAsync(change.GuildId, change.Kind == GuildChangeKind.MemberUpdated ? change.Roles : null, cancellationToken);
        foreach (var channel in channels)
        {
            if (channel == change.ChannelId)
            {
                verdicts[channel] = change.Kind == GuildChangeKind.ChannelDeleted
                    ? ChannelAccess.Gone(isThread: false)
                    : await checker.CheckAsync(guild, channel, change.Channel, cancellationToken);
                continue;
            }

            // A channel change also reaches the threads under it (they use its overwrites and die with it); a role or
            // member change reaches every channel.
            var access = await checker.CheckAsync(guild, channel, known: null, cancellationToken);
            if (change.Kind is GuildChangeKind.RoleChanged or GuildChangeKind.MemberUpdated || access.IsThread || access.State == ChannelAccessState.ChannelGone)
            {
                verdicts[channel] = access;
            }
        }

        return verdicts;
    }

    private static string PauseReason(ChannelAccess access, GuildChange change) => access.State switch
    {
        ChannelAccessState.MissingPermissions =>
            $"{access.Detail} here since {Cause(change)}; allow {(access.Missing.Count == 1 ? "it" : "them")} for the bot, then /subscription resume",
        _ => $"{access.Detail} ({change.EventName})",
    };

    private static string Cause(GuildChange change) => change.Kind switch
    {
        GuildChangeKind.ChannelUpdated => "the channel's permissions changed",
        GuildChangeKind.MemberUpdated => "the bot's roles changed",
        _ => "a role changed",
    };
}
