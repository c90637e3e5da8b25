using System.Text.Json;
using BotHost.Discord.Interactions.Models;
using BotHost.Discord.Interactions.Signatures;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BotHost.Discord.Interactions.Endpoint;

/// <summary>
/// One POST to the interactions endpoint: read the raw body under a cap, verify the signature over it
/// before any parsing (FACTS §6), answer PING with PONG, hand everything else to the dispatcher.
/// </summary>
internal sealed class InteractionsEndpointHandler(
    InteractionRequestVerifier verifier,
    InteractionDispatcher dispatcher,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Interaction payloads are a few KiB; anything near this is not from Discord.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        // Discord's 3 s window is already running: the dispatcher's deadline counts from here, not from when it starts the handler.
        var receivedAt = time.GetTimestamp();
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (request.ContentLength > MaxBodyBytes)
        {
            InteractionsLog.RequestMalformed(logger, $"body larger than {MaxBodyBytes} bytes");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await CappedBody.ReadAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            InteractionsLog.RequestMalformed(logger, $"body larger than {MaxBodyBytes} bytes");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var verdict = verifier.Verify(
            request.Headers["X-Signature-Timestamp"].ToString(),
            request.Headers["X-Signature-Ed25519"].ToString(),
            body);
        if (verdict != SignatureVerdict.Valid)
        {
            InteractionsLog.RequestRejected(logger, verdict);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        Interaction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, InteractionsJsonContext.Default.Interaction);
        }
        catch (JsonException)
        {
            interaction = null;
        }

        if (interaction is null)
        {
            InteractionsLog.RequestMalformed(logger, "signed body is not an interaction object");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var sent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            var response = interaction.Type == InteractionType.Ping
                ? InteractionResponse.Pong
                : await dispatcher.AcknowledgeAsync(interaction, receivedAt, sent.Task, cancellationToken);
            if (response is null)
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(response, InteractionsJsonContext.Default.InteractionResponse), cancellationToken);
            await context.Response.CompleteAsync();
        }
        finally
        {
            // Written or failed, the acknowledgement is settled; a deferred run may now edit (or learn that Discord never got it).
            sent.TrySetResult();
        }
    }
}
