using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using BotHost.Core.Feeds;

namespace BotHost.Core.Picks;

/// <summary>
/// Reads a shared page's title and description: OpenGraph first (what link previews show), then Twitter cards,
/// then &lt;title&gt; and the description meta tag. Only the first <see cref="MaxParsedBytes"/> are parsed (the head
/// is at the start); anything that is not HTML is named after its URL.
/// </summary>
public static class PageMetadataReader
{
    public const int MaxParsedBytes = 512 * 1024;
    public const int MaxTitleLength = 256;
    public const int MaxDescriptionLength = 280;

    public static PageMetadata Read(ReadOnlySpan<byte> body, string? contentType, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var mediaType = contentType?.Split(';')[0].Trim();
        var looksLikeHtml = mediaType is null or "" || mediaType.Contains("html", StringComparison.OrdinalIgnoreCase);
        if (!looksLikeHtml)
        {
            return new PageMetadata(TitleFromUrl(url), string.Empty);
        }

        var html = Decode(body[..Math.Min(body.Length, MaxParsedBytes)], contentType);
        var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        var title = Clean(Meta(document, "og:title") ?? Meta(document, "twitter:title") ?? document.Title, MaxTitleLength);
        var description = Clean(Meta(document, "og:description") ?? Meta(document, "description") ?? Meta(document, "twitter:description"), MaxDescriptionLength);
        return new PageMetadata(title.Length > 0 ? title : TitleFromUrl(url), description);
    }

    private static string? Meta(IHtmlDocument document, string name)
    {
        foreach (var meta in document.QuerySelectorAll("meta[content]"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name");
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && meta.GetAttribute("content") is { Length: > 0 } content)
            {
                return content;
            }
        }

        return null;
    }

    private static string Clean(string? text, int maxLength)
    {
        var plain = HtmlText.CollapseWhitespace(text ?? string.Empty).Trim();
        var printable = new string(plain.Where(c => !char.IsControl(c)).ToArray());
        return printable.Length == 0 ? string.Empty : HtmlText.Truncate(printable, maxLength);
    }

    // A declared charset wins; otherwise UTF-8, which also reads ASCII (a <meta charset> naming another one is rare
    // for pages shared today, and a wrong guess only garbles a title the member sees before it is posted).
    private static string Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        var charset = contentType?.Split(';').Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("charset=", StringComparison.OrdinalIgnoreCase))?[8..].Trim('"', '\'');
        Encoding encoding;
        try
        {
            encoding = charset is { Length: > 0 } ? Encoding.GetEncoding(charset) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }

        return encoding.GetString(body);
    }

    private static string TitleFromUrl(Uri url)
    {
        var last = url.AbsolutePath.TrimEnd('/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var name = Uri.UnescapeDataString(last);
        return Clean(name.Length > 0 ? $"{url.Host}: {name}" : url.Host, MaxTitleLength);
    }
}
