using BotHost.Core.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Subscriptions;

/// <summary>
/// Creates, changes and removes subscriptions. Member mistakes come back as <see cref="SubscriptionResult.Error"/>
/// with nothing stored; every committed change is then told to <see cref="ISubscriptionSchedule"/>.
/// </summary>
public sealed class SubscriptionService(
    SubscriptionStore store,
    SubscriptionRules rules,
    SourceNames sourceNames,
    ISubscriptionSchedule schedule,
    IOptions<SubscriptionOptions> options,
    TimeProvider time,
    ILogger<SubscriptionService> logger)
{
    /// <summary>Creates the channel's subscription named in <paramref name="request"/> or updates the options given.</summary>
    public async Task<SubscriptionResult> SubscribeAsync(ChannelKey channel, SubscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SubscriptionRules.TryParseName(request.Name, out var name, out var nameError))
        {
            return SubscriptionResult.Fail(nameError);
        }

        var existing = await store.GetAsync(channel, name, cancellationToken);
        var limit = options.Value.MaxPerChannel;
        if (existing is null && await store.CountForChannelAsync(channel, cancellationToken) >= limit)
        {
            return SubscriptionResult.Fail(
                $"This channel already has {limit} subscriptions, the most it may hold; change one by giving its name, or remove one with /unsubscribe.");
        }

        var now = time.GetUtcNow();
        var errors = new List<string>();
        var known = request.Sources is null ? [] : await sourceNames.ForGuildAsync(channel.GuildId, cancellationToken);
        var updated = Apply(existing ?? NewSubscription(channel, name, request.RequestedBy, now), request, known, errors) with { UpdatedAt = now };
        if (errors.Count > 0)
        {
            return SubscriptionResult.Fail(errors.Count == 1 ? errors[0] : "Nothing was changed. Fix these and try again:\n" + string.Join('\n', errors.Select(e => "• " + e)));
        }

        return await StoreAsync(updated, existing is null ? "created" : "updated", cancellationToken);
    }

    /// <summary>The channel's subscription of that name; with no name, its only one (or the one named "default").</summary>
    public async Task<SubscriptionResult> FindAsync(ChannelKey channel, string? name, CancellationToken cancellationToken)
    {
        var all = await store.ListForChannelAsync(channel, cancellationToken);
        if (all.Count == 0)
        {
            return SubscriptionResult.Fail("This channel has no subscription yet; create one with /subscribe.");
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            return all.Count == 1 ? SubscriptionResult.Ok(all[0])
                : all.FirstOrDefault(s => s.Name == Subscription.DefaultName) is { } fallback ? SubscriptionResult.Ok(fallback)
                : SubscriptionResult.Fail($"This channel has {all.Count} subscriptions ({Names(all)}); say which one with name:.");
        }

        var wanted = name.Trim().ToLowerInvariant();
        return all.FirstOrDefault(s => s.Name == wanted) is { } found
            ? SubscriptionResult.Ok(found)
            : SubscriptionResult.Fail($"This channel has no subscription named '{SubscriptionRules.Shorten(name)}'; it has: {Names(all)}.");
    }

    public async Task<SubscriptionResult> UnsubscribeAsync(ChannelKey channel, string? name, CancellationToken cancellationToken)
    {
        var found = await FindAsync(channel, name, cancellationToken);
        if (found.Subscription is not { } subscription)
        {
            return found;
        }

        if (await store.DeleteAsync(subscription.Id, cancellationToken))
        {
            SubscriptionsLog.Changed(logger, subscription.Id, subscription.Name, channel, "removed");
            try
            {
                await schedule.SubscriptionRemovedAsync(subscription.Id, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SubscriptionsLog.ScheduleFailed(logger, subscription.Id, ex);
            }
        }

        return SubscriptionResult.Ok(subscription);
    }

    public Task<SubscriptionResult> PauseAsync(ChannelKey channel, string? name, string reason, CancellationToken cancellationToken)
        => ChangeAsync(channel, name, s => s.Paused ? s : s with { Paused = true, PausedReason = reason }, "paused", cancellationToken);

    /// <summary>Pauses by id, e.g. when a delivery finds the bot can no longer post; the reason is shown by /subscription show.</summary>
    public async Task<SubscriptionResult> PauseAsync(long subscriptionId, string reason, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(subscriptionId, cancellationToken) is not { } subscription)
        {
            return SubscriptionResult.Fail($"Subscription {subscriptionId} no longer exists.");
        }

        return await StoreAsync(subscription with { Paused = true, PausedReason = reason, UpdatedAt = time.GetUtcNow() }, "paused", cancellationToken);
    }

    public Task<SubscriptionResult> ResumeAsync(ChannelKey channel, string? name, CancellationToken cancellationToken)
        => ChangeAsync(channel, name, s => s with { Paused = false, PausedReason = null }, "resumed", cancellationToken);

    public async Task<SubscriptionResult> MuteSourceAsync(ChannelKey channel, string? name, string source, CancellationToken cancellationToken)
    {
        var known = await sourceNames.ForGuildAsync(channel.GuildId, cancellationToken);
        if (!SubscriptionRules.TryFindSource(source, known, out var found, out var error))
        {
            return SubscriptionResult.Fail(error);
        }

        return await ChangeAsync(channel, name,
            s => s.MutedSources.Contains(found, StringComparer.Ordinal) ? s : s with { MutedSources = [.. s.MutedSources, found] },
            "muted " + found, cancellationToken);
    }

    public async Task<SubscriptionResult> UnmuteSourceAsync(ChannelKey channel, string? name, string source, CancellationToken cancellationToken)
    {
        var current = await FindAsync(channel, name, cancellationToken);
        if (current.Subscription is not { } subscription)
        {
            return current;
        }

        var muted = subscription.MutedSources.FirstOrDefault(m => string.Equals(m, source.Trim(), StringComparison.OrdinalIgnoreCase));
        if (muted is null)
        {
            return SubscriptionResult.Fail(subscription.MutedSources.Count == 0
                ? $"'{SubscriptionRules.Shorten(source)}' is not muted: '{subscription.Name}' mutes no source."
                : $"'{SubscriptionRules.Shorten(source)}' is not muted; '{subscription.Name}' mutes: {string.Join(", ", subscription.MutedSources)}.");
        }

        return await StoreAsync(
            subscription with { MutedSources = [.. subscription.MutedSources.Where(m => m != muted)], UpdatedAt = time.GetUtcNow() },
            "unmuted " + muted, cancellationToken);
    }

    private async Task<SubscriptionResult> ChangeAsync(
        ChannelKey channel, string? name, Func<Subscription, Subscription> change, string what, CancellationToken cancellationToken)
    {
        var found = await FindAsync(channel, name, cancellationToken);
        if (found.Subscription is not { } subscription)
        {
            return found;
        }

        var changed = change(subscription);
        return ReferenceEquals(changed, subscription)
            ? found
            : await StoreAsync(changed with { UpdatedAt = time.GetUtcNow() }, what, cancellationToken);
    }

    private async Task<SubscriptionResult> StoreAsync(Subscription subscription, string change, CancellationToken cancellationToken)
    {
        var stored = await store.UpsertAsync(subscription, cancellationToken);
        SubscriptionsLog.Changed(logger, stored.Id, stored.Name, stored.Channel, change);
        try
        {
            await schedule.SubscriptionChangedAsync(stored, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SubscriptionsLog.ScheduleFailed(logger, stored.Id, ex);
        }

        return SubscriptionResult.Ok(stored, created: change == "created");
    }

    private Subscription NewSubscription(ChannelKey channel, string name, ulong? createdBy, DateTimeOffset now)
    {
        var settings = options.Value;
        SubscriptionRules.TryParseTime(settings.DefaultTime, out var deliveryTime, out _);
        return new Subscription
        {
            Channel = channel,
            Name = name,
            DeliveryTime = deliveryTime,
            TimeZone = TimeZoneCatalog.Canonical(settings.DefaultTimeZone) ?? "UTC",
            Size = settings.DefaultSize,
            CreatedBy = createdBy,
            CreatedAt = now,
        };
    }

    private Subscription Apply(Subscription s, SubscriptionRequest request, IReadOnlyList<string> knownSources, List<string> errors)
    {
        if (request.Topics is not null && Check(rules.TryParseTopics(request.Topics, out var topics, out var e), e, errors))
        {
            s = s with { Topics = topics };
        }

        if (request.Sources is not null && Check(SubscriptionRules.TryParseSources(request.Sources, knownSources, out var sources, out e), e, errors))
        {
            s = s with { Sources = sources };
        }

        if (request.Include is not null && Check(SubscriptionRules.TryParseKeywords(request.Include, "include", out var include, out e), e, errors))
        {
            s = s with { IncludeKeywords = include };
        }

        if (request.Exclude is not null && Check(SubscriptionRules.TryParseKeywords(request.Exclude, "exclude", out var exclude, out e), e, errors))
        {
            s = s with { ExcludeKeywords = exclude };
        }

        if (request.IncludePattern is not null && Check(rules.TryParsePattern(request.IncludePattern, "include", out var includePattern, out e), e, errors))
        {
            s = s with { IncludePattern = includePattern };
        }

        if (request.ExcludePattern is not null && Check(rules.TryParsePattern(request.ExcludePattern, "exclude", out var excludePattern, out e), e, errors))
        {
            s = s with { ExcludePattern = excludePattern };
        }

        if (request.Time is not null && Check(SubscriptionRules.TryParseTime(request.Time, out var deliveryTime, out e), e, errors))
        {
            s = s with { DeliveryTime = deliveryTime };
        }

        if (request.TimeZone is not null && Check(SubscriptionRules.TryParseTimeZone(request.TimeZone, out var zone, out e), e, errors))
        {
            s = s with { TimeZone = zone };
        }

        if (request.Size is { } size && Check(SubscriptionRules.TryCheckSize(size, out e), e, errors))
        {
            s = s with { Size = (int)size };
        }

        if (request.ShareRoleId is { } role)
        {
            s = s with { ShareRoleId = role == 0 ? null : role };
        }

        return ApplyMode(s, request, errors);
    }

    // A weekday alone implies a weekly digest; a weekday with another mode is a contradiction worth pointing out.
    private static Subscription ApplyMode(Subscription s, SubscriptionRequest request, List<string> errors)
    {
        var mode = s.Mode;
        if (request.Mode is not null && !Check(SubscriptionRules.TryParseMode(request.Mode, out mode, out var e), e, errors))
        {
            return s;
        }

        DayOfWeek? weekday = null;
        if (request.Weekday is not null)
        {
            if (!Check(SubscriptionRules.TryParseWeekday(request.Weekday, out var day, out e), e, errors))
            {
                return s;
            }

            if (request.Mode is null)
            {
                mode = SubscriptionMode.Weekly;
            }
            else if (mode != SubscriptionMode.Weekly)
            {
                errors.Add($"A weekday only applies to weekly digests; you chose {mode.ToString().ToLowerInvariant()} → add mode:weekly or leave the weekday out.");
                return s;
            }

            weekday = day;
        }

        return s with
        {
            Mode = mode,
            Weekday = mode == SubscriptionMode.Weekly ? weekday ?? s.Weekday ?? DayOfWeek.Monday : null,
        };
    }

    private static bool Check(bool ok, string error, List<string> errors)
    {
        if (!ok)
        {
            errors.Add(error);
        }

        return ok;
    }

    private static string Names(IEnumerable<Subscription> subscriptions) => string.Join(", ", subscriptions.Select(s => s.Name));
}
