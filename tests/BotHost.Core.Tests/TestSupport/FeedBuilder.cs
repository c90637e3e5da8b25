using System.Net;
using System.Text;

namespace BotHost.Core.Tests.TestSupport;

/// <summary>Small RSS 2.0 documents for pipeline tests.</summary>
public static class FeedBuilder
{
    public sealed record Entry(string Guid, string Title, string Link, string PubDate = "Tue, 24 Nov 2026 10:00:00 GMT", string Description = "", string? Comments = null, string[]? Categories = null);

    public static string Rss(string title, params Entry[] entries)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>").Append(WebUtility.HtmlEncode(title)).Append("</title><link>https://example.org/</link>");
        foreach (var e in entries)
        {
            sb.Append("<item><guid isPermaLink=\"false\">").Append(WebUtility.HtmlEncode(e.Guid)).Append("</guid>")
              .Append("<title>").Append(WebUtility.HtmlEncode(e.Title)).Append("</title>")
              .Append("<link>").Append(WebUtility.HtmlEncode(e.Link)).Append("</link>")
              .Append("<pubDate>").Append(e.PubDate).Append("</pubDate>")
              .Append("<description>").Append(WebUtility.HtmlEncode(e.Description)).Append("</description>");
            if (e.Comments is not null)
            {
                sb.Append("<comments>").Append(WebUtility.HtmlEncode(e.Comments)).Append("</comments>");
            }

            foreach (var category in e.Categories ?? [])
            {
                sb.Append("<category>").Append(WebUtility.HtmlEncode(category)).Append("</category>");
            }

            sb.Append("</item>");
        }

        return sb.Append("</channel></rss>").ToString();
    }
}
