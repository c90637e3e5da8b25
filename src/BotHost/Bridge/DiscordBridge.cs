using BotHost.Discord;
using BotHost.Hosting;
using BotHost.Bridge.Permissions;
using BotHost.Discord.Gateway;
using BotHost.Discord.Gateway.Events;
using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Registration;
using BotHost.Discord.Rest;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BotHost.Bridge;

/// <summary>
/// Where the bot meets Discord: registers the slash commands (only when they changed) and hands every
/// INTERACTION_CREATE from the gateway to the dispatcher, each on its own task so a slow command never
/// delays another's acknowledgement; events that may take a channel from the bot go to the permission watch.
/// </summary>
public sealed partial class DiscordBridge(
    GatewayClient gateway,
    InteractionDispatcher dispatcher,
    PermissionWatch permissionWatch,
    CommandRegistrar registrar,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    ExitCodeRequest exitCode,
    ILogger<DiscordBridge> logger) : BackgroundService
{
    private readonly HashSet<Task> _inFlight = [];
    private readonly Lock _lock = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pump = PumpDispatchesAsync(stoppingToken);
        _ = StopHostWhenGatewayFailsAsync(stoppingToken);
        try
        {
            var applicationId = options.Value.ApplicationId ?? (await rest.GetCurrentApplicationAsync(stoppingToken)).Id;
            var result = await registrar.RegisterAsync(applicationId, stoppingToken);
            CommandsChecked(logger, result.GlobalUpdated || result.GuildUpdated);
        }
        catch (DiscordHttpException ex) when (ex.Status is System.Net.HttpStatusCode.Unauthorized)
        {
            Unauthorized(logger);
            exitCode.Fail();
            lifetime.StopApplication();
            return;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            RegistrationFailed(logger, ex);
        }

        await pump;
    }

    // A fatal close (bad token, disallowed intents, invalid shard) leaves nothing to run for: stop the host
    // with a non-zero exit code instead of staying up without a gateway.
    private async Task StopHostWhenGatewayFailsAsync(CancellationToken stoppingToken)
    {
        var stopped = await gateway.Completion.WaitAsync(stoppingToken).ConfigureAwait(false);
        if (stopped.IsFatal)
        {
            GatewayFailed(logger, stopped.Reason);
            exitCode.Fail();
            lifetime.StopApplication();
        }
    }

    private async Task PumpDispatchesAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var dispatch in gateway.Dispatches.ReadAllAsync(stoppingToken))
            {
                switch (dispatch.EventName)
                {
                    case "READY":
                        Ready(logger);
                        break;
                    case "INTERACTION_CREATE":
                        Track(HandleAsync(dispatch, stoppingToken));
                        break;
                    default:
                        if (GuildChangeReader.TryRead(dispatch, out var change))
                        {
                            permissionWatch.Enqueue(change);
                        }

                        break;
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task HandleAsync(GatewayDispatch interaction, CancellationToken cancellationToken)
    {
        try
        {
            await dispatcher.DispatchAsync(interaction.Data, interaction.ReceivedAt, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the interaction is abandoned, Discord shows the user it failed.
        }
        catch (Exception ex)
        {
            InteractionFailed(logger, ex);
        }
    }

    private void Track(Task task)
    {
        lock (_lock)
        {
            _inFlight.Add(task);
        }

        _ = task.ContinueWith(t => { lock (_lock) { _inFlight.Remove(t); } }, TaskScheduler.Default);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task[] pending;
        lock (_lock)
        {
            pending = [.. _inFlight];
        }

        await Task.WhenAll(pending).WaitAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Discord gateway session is ready")]
    private static partial void Ready(ILogger logger);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Slash commands checked: {Changed}")]
    private static partial void CommandsChecked(ILogger logger, bool changed);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Critical, Message = "Discord rejected the bot token (401). Check Discord:Token; BotHost stops rather than retry with a bad token.")]
    private static partial void Unauthorized(ILogger logger);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Error, Message = "Registering slash commands failed; the bot keeps running and answers the commands Discord already has")]
    private static partial void RegistrationFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Critical, Message = "The Discord gateway stopped for good: {Reason} BotHost stops.")]
    private static partial void GatewayFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Error, Message = "An interaction failed outside its handler")]
    private static partial void InteractionFailed(ILogger logger, Exception exception);
}
