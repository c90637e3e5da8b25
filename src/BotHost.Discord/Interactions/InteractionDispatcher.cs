using System.Collections.Concurrent;
using System.Text.Json;
using BotHost.Discord.Interactions.Api;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Interactions;

/// <summary>
/// Runs the handler for one interaction and guarantees an acknowledgement inside Discord's 3-second window:
/// a handler that has not finished <see cref="InteractionDispatcherOptions.AcknowledgeAfter"/> after the interaction
/// arrived gets a deferral, and its late answer then edits the original response. At most
/// <see cref="InteractionDispatcherOptions.MaxConcurrentHandlers"/> handlers run at once; an interaction that has to
/// wait for a slot is deferred at once. Handler exceptions become an ephemeral error message, never silence.
/// </summary>
public sealed class InteractionDispatcher : IAsyncDisposable
{
    /// <summary>What a public placeholder says when the real answer went to the invoker alone.</summary>
    internal const string AnsweredPrivately = "Answered privately.";

    private static readonly TimeSpan ShutdownWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan InlineDeferralEditRetryDelay = TimeSpan.FromMilliseconds(250);
    private const int InlineDeferralEditAttempts = 4;

    private readonly CommandCatalog _catalog;
    private readonly IInteractionApi _api;
    private readonly TimeProvider _time;
    private readonly TimeSpan _acknowledgeAfter;
    private readonly TimeSpan _autocompleteWithin;
    private readonly TimeSpan _handlerTimeout;
    private readonly SemaphoreSlim _slots;
    private readonly ILogger<InteractionDispatcher> _logger;
    private readonly InteractionMetrics _metrics;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _background = new();
    private int _disposed;

    public InteractionDispatcher(
        CommandCatalog catalog,
        IInteractionApi api,
        TimeProvider time,
        IOptions<InteractionDispatcherOptions> options,
        ILogger<InteractionDispatcher> logger,
        InteractionMetrics? metrics = null)
    {
        _catalog = catalog;
        _api = api;
        _time = time;
        _acknowledgeAfter = options.Value.AcknowledgeAfter;
        _autocompleteWithin = options.Value.AutocompleteWithin;
        _handlerTimeout = options.Value.HandlerTimeout;
        _slots = new SemaphoreSlim(options.Value.MaxConcurrentHandlers);
        ReserveThreadsForSlots(options.Value.MaxConcurrentHandlers);
        _logger = logger;
        _metrics = metrics ?? InteractionMetrics.Unscoped();
    }

    /// <summary>Completes when every run started by the HTTP endpoint has finished (tests use it to know nothing more will be sent).</summary>
    internal Task WhenBackgroundIdleAsync() => Task.WhenAll(_background.Keys);

    /// <summary>Handles an interaction received over the gateway (INTERACTION_CREATE <c>d</c> payload).</summary>
    /// <param name="receivedAt">When the event was read (<see cref="TimeProvider.GetTimestamp"/>); null: now.</param>
    public Task DispatchAsync(JsonElement interactionCreate, long? receivedAt, CancellationToken cancellationToken)
    {
        var interaction = interactionCreate.Deserialize(InteractionsJsonContext.Default.Interaction)
            ?? throw new JsonException("INTERACTION_CREATE carried null instead of an interaction object.");
        return DispatchAsync(interaction, receivedAt, cancellationToken);
    }

    /// <inheritdoc cref="DispatchAsync(Interaction, long?, CancellationToken)"/>
    public Task DispatchAsync(JsonElement interactionCreate, CancellationToken cancellationToken)
        => DispatchAsync(interactionCreate, receivedAt: null, cancellationToken);

    /// <inheritdoc cref="DispatchAsync(Interaction, long?, CancellationToken)"/>
    public Task DispatchAsync(Interaction interaction, CancellationToken cancellationToken)
        => DispatchAsync(interaction, receivedAt: null, cancellationToken);

    /// <summary>
    /// Handles an interaction whose initial response must go to the callback route (gateway delivery).
    /// Completes when the final answer (initial response or edit after a deferral) has been sent.
    /// </summary>
    /// <param name="receivedAt">When the interaction arrived (<see cref="TimeProvider.GetTimestamp"/> of this dispatcher's clock); null: now.</param>
    public async Task DispatchAsync(Interaction interaction, long? receivedAt, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var acknowledged = new TaskCompletionSource<InteractionResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await RunAsync(interaction, receivedAt ?? _time.GetTimestamp(), responseSent: null, acknowledged, linked.Token);
    }

    /// <summary>
    /// Handles an interaction from the HTTP endpoint. Returns the initial response to send inline: the answer when the
    /// handler finished in time, else the deferral, whose run then continues in the background and edits the original
    /// response; null when the run failed before anything could be acknowledged (the endpoint then answers 202).
    /// </summary>
    /// <param name="receivedAt">When the request arrived (<see cref="TimeProvider.GetTimestamp"/> of this dispatcher's clock).</param>
    /// <param name="responseSent">
    /// Completes once the endpoint has written the returned response; a deferral returned inline is followed by its
    /// edit only after that, so the edit never overtakes the acknowledgement.
    /// </param>
    internal async Task<InteractionResponse?> AcknowledgeAsync(Interaction interaction, long receivedAt, Task responseSent, CancellationToken requestAborted)
    {
        var acknowledged = new TaskCompletionSource<InteractionResponse?>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = RunAsync(interaction, receivedAt, responseSent, acknowledged, _stopping.Token);
        _background.TryAdd(run, 0);
        _ = run.ContinueWith(t => _background.TryRemove(t, out _), TaskScheduler.Default);
        return await acknowledged.Task.WaitAsync(requestAborted);
    }

    private async Task RunAsync(
        Interaction interaction, long received, Task? responseSent, TaskCompletionSource<InteractionResponse?> acknowledged, CancellationToken cancellationToken)
    {
        // The HTTP endpoint sends every initial response, deferrals included, as the request's answer: no extra round trip to
        // Discord before the acknowledgement. Gateway interactions are answered through the callback route.
        var inline = responseSent is not null;
        if (interaction.Type == InteractionType.Ping)
        {
            // Only the HTTP endpoint receives PINGs; the gateway never sends them.
            acknowledged.TrySetResult(inline ? InteractionResponse.Pong : null);
            return;
        }

        var route = Route(interaction);
        try
        {
            // The deadline timer exists before the handler starts, so a fake clock advanced once the handler is running always fires it.
            using var deadlineCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var slot = _slots.WaitAsync(cancellationToken);
            var queued = !slot.IsCompletedSuccessfully;
            var deadline = queued && route.Deferral is not null
                ? Task.CompletedTask
                : Task.Delay(Remaining(route.Deferral is null ? _autocompleteWithin : _acknowledgeAfter, received), _time, deadlineCancel.Token);
            var work = InvokeInSlotAsync(slot, route, route.Invoke, interaction.Id, cancellationToken);
            if (await Task.WhenAny(work, deadline) == work)
            {
                await deadlineCancel.CancelAsync();
                var answer = await work;
                if (answer is not CommandResponse.DeferredResponse deferred)
                {
                    await AcknowledgeAsync(interaction, answer.ToInitialResponse(), inline, acknowledged, received, cancellationToken);
                    return;
                }

                var explicitDeferral = deferred.ToInitialResponse();
                await AcknowledgeAsync(interaction, explicitDeferral, inline, acknowledged, received, cancellationToken);
                await WhenSentAsync(responseSent, cancellationToken);
                await FinishLateAsync(interaction, route, deferred, IsPublicDeferral(explicitDeferral), inline, cancellationToken);
                return;
            }

            if (route.Deferral is null)
            {
                InteractionsLog.AutocompleteTooSlow(_logger, route.Name, interaction.Id);
                await AcknowledgeAsync(interaction, CommandResponse.Choices([]).ToInitialResponse(), inline, acknowledged, received, cancellationToken);
                return;
            }

            if (queued)
            {
                InteractionsLog.DeferredWhileQueued(_logger, interaction.Id, route.Name);
            }
            else
            {
                InteractionsLog.Deferred(_logger, interaction.Id, route.Name, _acknowledgeAfter.TotalSeconds);
            }

            await AcknowledgeAsync(interaction, route.Deferral, inline, acknowledged, received, cancellationToken);
            await WhenSentAsync(responseSent, cancellationToken);
            await FinishLateAsync(interaction, route, await work, IsPublicDeferral(route.Deferral), inline, cancellationToken);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            // Top of one interaction's unit of work (often a background task): log, never crash the host.
            InteractionsLog.ResponseFailed(_logger, interaction.Id, route.Name, ex);
        }
        finally
        {
            acknowledged.TrySetResult(null);
        }
    }

    private async Task AcknowledgeAsync(
        Interaction interaction, InteractionResponse response, bool inline,
        TaskCompletionSource<InteractionResponse?> acknowledged, long received, CancellationToken cancellationToken)
    {
        if (inline)
        {
            _metrics.Acknowledged(interaction.Type, response, _time.GetElapsedTime(received));
            acknowledged.TrySetResult(response);
            return;
        }

        try
        {
            await _api.CreateResponseAsync(interaction.Id, interaction.Token, response, cancellationToken);
            _metrics.Acknowledged(interaction.Type, response, _time.GetElapsedTime(received));
        }
        finally
        {
            acknowledged.TrySetResult(null);
        }
    }

    /// <summary>Replaces the deferral placeholder with the handler's late answer.</summary>
    /// <param name="deferredPublicly">The placeholder is a public "thinking…" message, so an edit would be public too.</param>
    private async Task FinishLateAsync(
        Interaction interaction, HandlerRoute route, CommandResponse answer, bool deferredPublicly, bool deferredInline, CancellationToken cancellationToken)
    {
        if (answer is CommandResponse.DeferredResponse deferred)
        {
            answer = await InvokeInSlotAsync(_slots.WaitAsync(cancellationToken), route, deferred.Work, interaction.Id, cancellationToken);
        }

        InteractionCallbackData edit;
        InteractionCallbackData? privateFollowup = null;
        switch (answer)
        {
            case CommandResponse.MessageResponse { Ephemeral: true } message when deferredPublicly:
                // Discord fixed the placeholder's visibility at defer time; editing it would show the private answer to everyone.
                edit = new InteractionCallbackData { Content = AnsweredPrivately };
                privateFollowup = message.ToData();
                break;
            case CommandResponse.MessageResponse message:
                edit = message.ToData();
                break;
            case CommandResponse.UpdateResponse update:
                edit = update.ToData();
                break;
            default:
                // Modals and autocomplete results are initial responses only; a deferral has used that slot.
                InteractionsLog.UnusableLateResponse(_logger, route.Name, answer.GetType().Name, interaction.Id);
                edit = new InteractionCallbackData { Content = "This took too long to answer. Please try again." };
                break;
        }

        try
        {
            await EditOriginalAsync(interaction, edit, deferredInline, cancellationToken);
        }
        catch (InteractionApiException ex) when (IsUnknownMessage(ex))
        {
            // Only "unknown message" means the placeholder was deleted while the handler ran and the webhook still works;
            // any other 404 (unknown webhook, no code) must not be followed by more calls on that webhook.
            if (privateFollowup is null)
            {
                await _api.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, edit, cancellationToken);
            }
        }

        if (privateFollowup is not null)
        {
            await _api.CreateFollowupAsync(interaction.ApplicationId, interaction.Token, privateFollowup, cancellationToken);
        }
    }

    /// <summary>
    /// After a deferral sent as the HTTP request's answer, the edit may reach Discord before Discord has processed that
    /// answer; it then reports an unknown message, so the edit is tried again a few times before giving up.
    /// </summary>
    private async Task EditOriginalAsync(Interaction interaction, InteractionCallbackData edit, bool deferredInline, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _api.EditOriginalResponseAsync(interaction.ApplicationId, interaction.Token, edit, cancellationToken);
                return;
            }
            catch (InteractionApiException ex) when (deferredInline && attempt < InlineDeferralEditAttempts && IsUnknownMessage(ex))
            {
                // The timer exists before the line is logged, so a fake clock advanced on seeing the line always fires it.
                var wait = Task.Delay(InlineDeferralEditRetryDelay, _time, cancellationToken);
                InteractionsLog.EditRetried(_logger, interaction.Id, InlineDeferralEditRetryDelay.TotalMilliseconds);
                await wait;
            }
        }
    }

    private static bool IsUnknownMessage(InteractionApiException ex)
        => ex.Status == System.Net.HttpStatusCode.NotFound && ex.DiscordCode == InteractionApiException.UnknownMessage;

    private static bool IsPublicDeferral(InteractionResponse? deferral)
        => deferral is { Type: InteractionCallbackType.DeferredChannelMessageWithSource }
            && ((deferral.Data?.Flags ?? MessageFlags.None) & MessageFlags.Ephemeral) == 0;

    /// <summary>
    /// Handlers mostly run SQLite, whose async calls complete synchronously, so each busy slot holds a thread-pool thread.
    /// Without spare threads above that, the pool (processor count by default) has none left to read requests and send
    /// deferrals until it slowly injects more: measured, 100 simultaneous requests reached the dispatcher one slot-full
    /// at a time and none was deferred early.
    /// </summary>
    private static void ReserveThreadsForSlots(int slots)
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        var wanted = Environment.ProcessorCount + slots;
        if (workers < wanted)
        {
            ThreadPool.SetMinThreads(wanted, completionPorts);
        }
    }

    private static Task WhenSentAsync(Task? responseSent, CancellationToken cancellationToken)
        => responseSent?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    /// <summary>What is left of <paramref name="budget"/> counted from <paramref name="received"/>; zero once spent.</summary>
    private TimeSpan Remaining(TimeSpan budget, long received)
    {
        var left = budget - _time.GetElapsedTime(received);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Runs the handler once <paramref name="slot"/> (a wait on the handler slots) completes, and frees the slot after.</summary>
    private async Task<CommandResponse> InvokeInSlotAsync(
        Task slot, HandlerRoute route, Func<CancellationToken, Task<CommandResponse>> invoke, ulong interactionId, CancellationToken cancellationToken)
    {
        await slot;
        try
        {
            // Handlers mostly call SQLite, whose async methods complete synchronously: started inline, a handler ran to
            // its end before the caller could wait on the acknowledgement deadline, so under a burst a slow one held
            // its acknowledgement for as long as it ran. From the thread pool it runs while the deadline can fire.
            await Task.Yield();
            return await InvokeAsync(route, invoke, interactionId, cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<CommandResponse> InvokeAsync(
        HandlerRoute route, Func<CancellationToken, Task<CommandResponse>> invoke, ulong interactionId, CancellationToken cancellationToken)
    {
        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var running = invoke(stop.Token);
            var limit = Task.Delay(_handlerTimeout, _time, stop.Token);
            if (await Task.WhenAny(running, limit) == limit)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await stop.CancelAsync();
                // A handler that ignores its token keeps running unobserved; its slot is freed all the same.
                _ = running.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                InteractionsLog.HandlerTimedOut(_logger, route.Name, _handlerTimeout.TotalSeconds, interactionId);
                return route.Deferral is null
                    ? CommandResponse.Choices([])
                    : CommandResponse.Error($"{route.Name} took longer than {_handlerTimeout.TotalSeconds:0} s and was stopped. Please try again later.");
            }

            await stop.CancelAsync();
            return Checked(route, await running, interactionId);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            InteractionsLog.HandlerFailed(_logger, route.Name, interactionId, ex);
            return route.Deferral is null
                ? CommandResponse.Choices([])
                : CommandResponse.Error($"Something went wrong while running {route.Name}. The error was logged; please try again later.");
        }
    }

    /// <summary>An answer Discord would refuse is replaced by an error the user can see, so the interaction never goes unanswered.</summary>
    private CommandResponse Checked(HandlerRoute route, CommandResponse answer, ulong interactionId)
    {
        if (answer is CommandResponse.DeferredResponse)
        {
            return answer;
        }

        try
        {
            InteractionLimits.Validate(answer.ToInitialResponse());
            return answer;
        }
        catch (DiscordValidationException ex)
        {
            InteractionsLog.AnswerBrokeLimit(_logger, route.Name, interactionId, ex.FieldPath, ex.Limit);
            return route.Deferral is null
                ? CommandResponse.Choices([])
                : CommandResponse.Error($"The answer to {route.Name} did not fit Discord's limits. The problem was logged; please try again later.");
        }
    }

    private HandlerRoute Route(Interaction interaction)
    {
        var data = interaction.Data;
        switch (interaction.Type)
        {
            case InteractionType.ApplicationCommand or InteractionType.ApplicationCommandAutocomplete:
                var name = "/" + (data?.Name ?? "?");
                if (_catalog.FindCommand(data?.Name) is not { } command)
                {
                    InteractionsLog.UnknownHandler(_logger, "command", name, interaction.Id);
                    return interaction.Type == InteractionType.ApplicationCommandAutocomplete
                        ? new HandlerRoute(name, _ => Task.FromResult(CommandResponse.Choices([])), null)
                        : new HandlerRoute(name, _ => Task.FromResult(CommandResponse.Error($"Unknown command {name}. The bot may have been updated; try again in a minute.")), DeferNewMessage(true));
                }

                var context = new CommandContext(interaction);
                return interaction.Type == InteractionType.ApplicationCommandAutocomplete
                    ? new HandlerRoute(name, ct => command.AutocompleteAsync(context, ct), null)
                    : new HandlerRoute(name, ct => command.HandleAsync(context, ct), DeferNewMessage(command.Ephemeral));

            case InteractionType.MessageComponent or InteractionType.ModalSubmit:
                var customId = data?.CustomId ?? "";
                if (_catalog.FindComponent(customId) is not { } handler)
                {
                    InteractionsLog.UnknownHandler(_logger, "component", customId, interaction.Id);
                    return new HandlerRoute(customId, _ => Task.FromResult(CommandResponse.Error("This button is no longer in use.")), DeferNewMessage(true));
                }

                var componentContext = new ComponentContext(interaction);
                return new HandlerRoute(
                    handler.GetType().Name,
                    ct => handler.HandleAsync(componentContext, ct),
                    handler.UpdatesMessage ? new InteractionResponse(InteractionCallbackType.DeferredUpdateMessage) : DeferNewMessage(handler.Ephemeral));

            default:
                InteractionsLog.IgnoredInteraction(_logger, interaction.Id, interaction.Type);
                return new HandlerRoute($"type {(int)interaction.Type}", _ => Task.FromResult(CommandResponse.Error("This kind of interaction is not supported.")), DeferNewMessage(true));
        }
    }

    private static InteractionResponse DeferNewMessage(bool ephemeral)
        => CommandResponse.Defer(_ => throw new InvalidOperationException("unused"), ephemeral).ToInitialResponse();

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // The bound starts before cancelling, so a handler that ignores cancellation delays shutdown by at most ShutdownWait.
        var background = Task.WhenAll(_background.Keys).WaitAsync(ShutdownWait, _time);
        await _stopping.CancelAsync();
        try
        {
            await background;
        }
        catch (OperationCanceledException)
        {
            // Runs cut short by shutdown have nothing left to report.
        }
        catch (TimeoutException)
        {
            InteractionsLog.ShutdownAbandoned(_logger, _background.Count, ShutdownWait.TotalSeconds);

            // Abandoned runs still hold tokens of this source; it is cancelled and has no timer, so leaving it undisposed leaks nothing.
            return;
        }

        _stopping.Dispose();
    }

    /// <param name="Deferral">The deferral to send when slow; null when the interaction type cannot be deferred (autocomplete).</param>
    private sealed record HandlerRoute(string Name, Func<CancellationToken, Task<CommandResponse>> Invoke, InteractionResponse? Deferral);
}
