namespace BotHost.Discord.Gateway;

/// <summary>Turns a gateway base URL (from /gateway/bot, READY or settings) into the URL we connect to.</summary>
internal static class GatewayUris
{
    /// <summary>Appends the protocol query (v10, JSON, no transport compression).</summary>
    /// <param name="source">Where the URL came from, named in the error so an operator knows what to fix.</param>
    public static Uri Build(string baseUrl, string source)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("ws" or "wss"))
        {
            throw new GatewayConfigurationException($"{source} '{baseUrl}' is not an absolute ws:// or wss:// URL.");
        }

        var builder = new UriBuilder(uri) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }

        return builder.Uri;
    }
}
