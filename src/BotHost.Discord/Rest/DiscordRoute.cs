using System.Text;

namespace BotHost.Discord.Rest;

/// <summary>
/// One request target: the route template (what rate-limit buckets are learned on), the concrete path and
/// the top-level "major" id that splits a bucket (D: Rate Limits: channel_id, guild_id, webhook_id + token).
/// </summary>
public readonly record struct DiscordRoute
{
    private DiscordRoute(HttpMethod method, string template, string path, string majorParameter)
    {
        Method = method;
        Template = template;
        Path = path;
        MajorParameter = majorParameter;
    }

    public HttpMethod Method { get; }

    /// <summary>e.g. "/channels/{channel_id}/messages"; safe to log.</summary>
    public string Template { get; }

    /// <summary>e.g. "/channels/123/messages"; may hold a webhook token, so never logged.</summary>
    public string Path { get; }

    /// <summary>The top-level id the bucket is split by; empty when the route has none.</summary>
    public string MajorParameter { get; }

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

        return new DiscordRoute(method, template, path.ToString(), Major(template, values));
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
            var firstClose = template.IndexOf('}', StringComparison.Ordinal);
            var hasToken = values.Length > 1 && string.CompareOrdinal(template, firstClose + 1, "/{", 0, 2) == 0;
            return hasToken ? $"{values[0]}/{values[1]}" : values[0];
        }

        return template.StartsWith("/channels/{", StringComparison.Ordinal)
            || template.StartsWith("/guilds/{", StringComparison.Ordinal)
            || template.StartsWith("/interactions/{", StringComparison.Ordinal)
            ? values[0]
            : string.Empty;
    }
}
