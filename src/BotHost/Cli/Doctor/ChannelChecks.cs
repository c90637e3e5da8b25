using System.Globalization;
using BotHost.Bridge.Permissions;
using BotHost.Core.Subscriptions;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Cli.Doctor;

/// <summary>
/// For every subscribed channel, whether the bot can still view it and send messages (in threads) and embeds there,
/// from the guild's roles, the bot's roles and the channel's overwrites; then the channel's paused subscriptions and why.
/// </summary>
internal static class ChannelChecks
{
    public static async IAsyncEnumerable<DoctorLine> RunAsync(IServiceProvider services, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = (await services.GetRequiredService<SubscriptionStore>().ListAllAsync(cancellationToken)).Where(s => !s.Channel.IsLocal).ToList();
        if (all.Count == 0)
        {
            yield return DoctorLine.Skipped("no channel is subscribed yet: use /subscribe in a channel of your server");
            yield break;
        }

        var checker = services.GetRequiredService<ChannelAccessChecker>();
        foreach (var guild in all.GroupBy(s => s.Channel.GuildId))
        {
            var access = await checker.ReadGuildAsync(guild.Key, botRoles: null, cancellationToken);
            foreach (var channel in guild.GroupBy(s => s.Channel))
            {
                var verdict = await checker.CheckAsync(access, channel.Key.ChannelId, known: null, cancellationToken);
                var name = Name(channel.Key, verdict.ChannelName);
                yield return verdict.State == ChannelAccessState.CanPost
                    ? DoctorLine.Ok($"{name}: {verdict.Detail}")
                    : DoctorLine.Failed($"{name}: {verdict.Detail}", Fix(verdict));
                foreach (var paused in channel.Where(s => s.Paused))
                {
                    yield return new DoctorLine(DoctorMark.Paused, $"subscription '{paused.Name}' in {name} is paused: {paused.PausedReason ?? "no reason given"}",
                        verdict.State == ChannelAccessState.CanPost ? "the bot can post there again: /subscription resume in that channel" : "fix the line above first, then /subscription resume there");
                }
            }
        }
    }

    private static string Name(ChannelKey key, string? channelName)
    {
        var ids = string.Create(CultureInfo.InvariantCulture, $"server {key.GuildId}, channel {key.ChannelId}");
        return channelName is null ? $"channel ({ids})" : $"#{channelName} ({ids})";
    }

    private static string Fix(ChannelAccess verdict) => verdict.State switch
    {
        ChannelAccessState.MissingPermissions =>
            $"allow {PostingPermissions.Names(verdict.Missing)} for the bot (its role in Server Settings → Roles, or Edit Channel → Permissions), then /subscription resume there if it is paused",
        ChannelAccessState.ChannelGone => "nothing can be posted there any more; its subscriptions pause at their next digest if they have not already",
        ChannelAccessState.BotRemoved => "add the bot again with the link `invite-url` prints, then /subscription resume in the channel",
        _ => "run doctor again; if it stays, check the network and Discord:ApiBaseUrl",
    };
}
