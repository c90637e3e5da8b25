namespace BotHost.Core.Digests;

public enum DigestFormat
{
    Text,
    Markdown,
    Json,
}
