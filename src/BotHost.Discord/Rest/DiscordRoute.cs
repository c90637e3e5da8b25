using System.Text;

namespace BotHost.Discord.Rest;

/// <summary>
/// One request target: the route template (what rate-limit buckets are learned on), the concrete path and
/// the top-level "major" id that splits a bucket (D: Rate Limits: channel_id, guild_id, webhook_id + token).
/// </summary>
public readonly record struct DiscordRoute
{
    private DiscordRoute(HttpMethod method, string template, string path, string majorParameter, bool usesBotToken)
    {
        Method = method;
        Template = template;
        Path = path;
        MajorParameter = majorParameter;
        UsesBotToken = usesBotToken;
    }

    public HttpMethod Method { get; }

    /// <summary>e.g. "/channels/{channel_id}/messages"; safe to log.</summary>
    public string Template { get; }

    /// <summary>e.g. "/channels/123/messages"; may hold a webhook token, so never logged.</summary>
    public string Path { get; }

    /// <summary>The top-level id the bucket is split by; empty when the route has none.</summary>
    public string MajorParameter { get; }

    /// <summary>
    /// False for routes authorized by a token in their path (interaction callbacks, webhook/follow-up routes):
    /// they are sent without the bot token, and a 401 on them says nothing about the bot token.
    /// </summary>
    public bool UsesBotToken { get; }

    /// <summary>Interaction callbacks and webhook (followup) routes do not count against the global limit.</summary>
    public bool IsGlobalExempt
        => Template.StartsWith("/interactions/", StringComparison.Ordinal) || Template.StartsWith("/webhooks/", StringComparison.Ordinal);

    /// <summary>Fills the template's {placeholders} in order with <paramref name="values"/> (URL-escaped).</summary>
    public static DiscordRoute Create(HttpMethod method, string template, params ReadOnlySpan<string> values)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(template);
        if (template[0] != '/')
        {
            throw new ArgumentException($"Route template must start with '/': {template}", nameof(template));
        }

        var path = new StringBuilder(template.Length + 32);
        var used = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '{')
            {
                path.Append(template[i]);
                continue;
            }

            var close = template.IndexOf('}', i);
            if (close < 0 || used >= values.Length)
            {
                throw new ArgumentException($"Route template {template} has more placeholders than the {values.Length} values given.", nameof(values));
            }

            path.Append(Uri.EscapeDataString(values[used++]));
            i = close;
        }

        if (used != values.Length)
        {
            throw new ArgumentException($"Route template {template} has {used} placeholders but {values.Length} values were given.", nameof(values));
        }

        var pathToken = template.StartsWith("/interactions/", StringComparison.Ordinal) || HasWebhookToken(template, values.Length);
        return new DiscordRoute(method, template, path.ToString(), Major(template, values), !pathToken);
    }

    /// <summary>The same route with a query string (already escaped), e.g. "wait=true" or "limit=50"; buckets ignore it.</summary>
    public DiscordRoute WithQuery(string query)
    {
        ArgumentException.ThrowIfNullOrEmpty(query);
        return new DiscordRoute(Method, Template, Path + "?" + query, MajorParameter, UsesBotToken);
    }

    private static bool HasWebhookToken(string template, int valueCount)
    {
        if (!template.StartsWith("/webhooks/{", StringComparison.Ordinal) || valueCount < 2)
        {
            return false;
        }

        var firstClose = template.IndexOf('}', StringComparison.Ordinal);
        return string.CompareOrdinal(template, firstClose + 1, "/{", 0, 2) == 0;
    }

    private static string Major(string template, ReadOnlySpan<string> values)
    {
        if (values.Length == 0)
        {
            return string.Empty;
        }

        if (template.StartsWith("/webhooks/{", StringComparison.Ordinal))
        {
            // A webhook's bucket is per id and token: /webhooks/{webhook_id}/{webhook_token}/...
            return HasWebhookToken(template, values.Length) ? $"{values[0]}/{values[1]}" : values[0];
        }

        return template.StartsWith("/channels/{", StringComparison.Ordinal)
            || template.StartsWith("/guilds/{", StringComparison.Ordinal)
            || template.StartsWith("/interactions/{", StringComparison.Ordinal)
            ? values[0]
            : string.Empty;
    }
}
