namespace BotHost.Core.Digests;

/// <summary>
/// The limits a rendered part keeps: Discord's documented message limits (content 2000; 10 embeds with title 256,
/// description 4096, footer 2048 and 6000 characters together; url 2048; 5 rows of 5 buttons, labels 80).
/// Core does not reference the Discord client, so the numbers are restated here; a test checks them against it.
/// </summary>
public static class MessageLimits
{
    public const int ContentLength = 2000;
    public const int CardsPerMessage = 10;
    public const int CardTitleLength = 256;
    public const int CardDescriptionLength = 4096;
    public const int CardFooterLength = 2048;
    public const int CardsTotalLength = 6000;
    public const int UrlLength = 2048;
    public const int RowsPerMessage = 5;
    public const int ActionsPerRow = 5;
    public const int LabelLength = 80;
}
