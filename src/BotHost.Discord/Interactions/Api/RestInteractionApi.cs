using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BotHost.Discord.Interactions.Models;
using Microsoft.Extensions.Options;

namespace BotHost.Discord.Interactions.Api;

/// <summary>
/// Direct HTTP implementation of <see cref="IInteractionApi"/>. Interaction callbacks and webhook routes
/// are authorized by the interaction token in the path; command routes need the bot token.
/// </summary>
public sealed class RestInteractionApi(HttpClient http, IOptions<DiscordOptions> options, TimeProvider time) : IInteractionApi
{
    /// <summary>Largest response body read; command lists are the biggest answers (≤ 130 commands).</summary>
    public const int MaxResponseBytes = 1024 * 1024;

    private static readonly string Version =
        typeof(RestInteractionApi).Assembly.GetName().Version?.ToString(3) ?? "1.0.0";

    private readonly DiscordOptions _options = options.Value;

    public async Task CreateResponseAsync(ulong interactionId, string interactionToken, InteractionResponse response, CancellationToken cancellationToken)
    {
        var path = $"interactions/{interactionId}/{Uri.EscapeDataString(interactionToken)}/callback";
        var content = JsonContent(response, InteractionsJsonContext.Default.InteractionResponse);
        using var _ = await SendAsync(HttpMethod.Post, path, "POST /interactions/{id}/{token}/callback", content, botAuth: false, cancellationToken);
    }

    public async Task EditOriginalResponseAsync(ulong applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken)
    {
        var path = $"webhooks/{applicationId}/{Uri.EscapeDataString(interactionToken)}/messages/@original";
        var content = JsonContent(message, InteractionsJsonContext.Default.InteractionCallbackData);
        using var _ = await SendAsync(HttpMethod.Patch, path, "PATCH /webhooks/{app}/{token}/messages/@original", content, botAuth: false, cancellationToken);
    }

    public async Task CreateFollowupAsync(ulong applicationId, string interactionToken, InteractionCallbackData message, CancellationToken cancellationToken)
    {
        var path = $"webhooks/{applicationId}/{Uri.EscapeDataString(interactionToken)}?wait=true";
        var content = JsonContent(message, InteractionsJsonContext.Default.InteractionCallbackData);
        using var _ = await SendAsync(HttpMethod.Post, path, "POST /webhooks/{app}/{token}", content, botAuth: false, cancellationToken);
    }

    public Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGlobalCommandsAsync(
        ulong applicationId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
        => PutCommandsAsync($"applications/{applicationId}/commands", "PUT /applications/{app}/commands", definitions, cancellationToken);

    public Task<IReadOnlyList<RegisteredApplicationCommand>> BulkOverwriteGuildCommandsAsync(
        ulong applicationId, ulong guildId, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
        => PutCommandsAsync($"applications/{applicationId}/guilds/{guildId}/commands", "PUT /applications/{app}/guilds/{guild}/commands", definitions, cancellationToken);

    private async Task<IReadOnlyList<RegisteredApplicationCommand>> PutCommandsAsync(
        string path, string route, IReadOnlyList<ApplicationCommandDefinition> definitions, CancellationToken cancellationToken)
    {
        var content = JsonContent(definitions, InteractionsJsonContext.Default.IReadOnlyListApplicationCommandDefinition);
        using var response = await SendAsync(HttpMethod.Put, path, route, content, botAuth: true, cancellationToken);
        var body = await ReadCappedAsync(response, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize(body, InteractionsJsonContext.Default.ListRegisteredApplicationCommand) ?? [];
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Discord answered {route} with JSON that is not a command list.", ex);
        }
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string route, HttpContent content, bool botAuth, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri(), path)) { Content = content };
        request.Headers.UserAgent.ParseAdd($"DiscordBot ({_options.UserAgentUrl}, {Version})");
        if (botAuth)
        {
            if (string.IsNullOrWhiteSpace(_options.Token))
            {
                throw new InvalidOperationException($"{route} needs the bot token: set Discord:Token.");
            }

            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", _options.Token);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.RequestTimeoutSeconds), time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{route} did not answer within Discord:RequestTimeoutSeconds ({_options.RequestTimeoutSeconds} s).");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ToExceptionAsync(response, route, cancellationToken);
        }
    }

    private static async Task<InteractionApiException> ToExceptionAsync(HttpResponseMessage response, string route, CancellationToken cancellationToken)
    {
        int? code = null;
        string? message = null;
        try
        {
            var body = await ReadCappedAsync(response, cancellationToken);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("code", out var c) && c.TryGetInt32(out var parsed))
                {
                    code = parsed;
                }

                if (document.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    message = m.GetString();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            // The status code alone still tells the caller what happened; an unreadable body adds nothing.
        }

        return new InteractionApiException(route, response.StatusCode, code, message);
    }

    private static async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
        {
            throw new InvalidDataException($"Discord's answer is larger than {MaxResponseBytes} bytes.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return await CappedBody.ReadAsync(stream, MaxResponseBytes, cancellationToken)
            ?? throw new InvalidDataException($"Discord's answer is larger than {MaxResponseBytes} bytes.");
    }

    private Uri BaseUri()
    {
        var baseUrl = _options.ApiBaseUrl.EndsWith('/') ? _options.ApiBaseUrl : _options.ApiBaseUrl + "/";
        return Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Discord:ApiBaseUrl '{_options.ApiBaseUrl}' is not an absolute URL.");
    }

    private static ByteArrayContent JsonContent<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
