using System.Text.Json;

namespace BotHost.Core.Feeds.Parsing;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read item by item so a truncated file keeps its earlier items.</summary>
internal sealed class JsonFeedParser(FeedParseState state, ParseGuard guard)
{
    private const string VersionPrefix = "https://jsonfeed.org/version/";

    private static readonly JsonReaderOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public void Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        string? version = null;
        long? itemsBeforeVersion = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FeedFormatException("The JSON document is not an object; a JSON Feed starts with '{'.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "version":
                        version = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                        CheckVersion(version);
                        break;
                    case "title" when reader.TokenType == JsonTokenType.String:
                        state.Title = FeedText.Title(reader.GetString(), TextKind.LooseText);
                        break;
                    case "home_page_url" when reader.TokenType == JsonTokenType.String:
                        state.SiteUrl = FeedUrls.Resolve(reader.GetString(), state.SourceUri);
                        break;
                    // Items reach the sink only once the document has shown it is a JSON Feed.
                    case "items" when reader.TokenType == JsonTokenType.StartArray && version is null:
                        itemsBeforeVersion = reader.TokenStartIndex;
                        reader.Skip();
                        break;
                    case "items" when reader.TokenType == JsonTokenType.StartArray:
                        ReadItems(ref reader);
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException ex) when (version is not null)
        {
            state.AddError($"The JSON Feed is malformed at line {ex.LineNumber + 1}: {ex.Message} Kept the {state.ItemCount} item(s) read before the break.");
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"The document is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        if (version is null)
        {
            throw new FeedFormatException($"The JSON document is not a JSON Feed: it has no \"version\" ({VersionPrefix}1 or {VersionPrefix}1.1).");
        }

        if (itemsBeforeVersion is { } start)
        {
            var items = new Utf8JsonReader(utf8[(int)start..], Options);
            items.Read();
            ReadItems(ref items);
        }
    }

    private void CheckVersion(string? version)
    {
        if (version is null || !version.StartsWith(VersionPrefix, StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedFormatException($"The JSON document is not a JSON Feed: \"version\" is '{version}', expected {VersionPrefix}1 or {VersionPrefix}1.1.");
        }

        state.Version = version[VersionPrefix.Length..];
    }

    private void ReadItems(ref Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            guard.Step();
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                state.AddItem(ReadItem(document.RootElement));
            }
            else
            {
                state.AddError($"Item {state.ItemCount + 1} skipped: a JSON Feed item must be an object.");
            }
        }
    }

    private RawFeedItem ReadItem(JsonElement element)
    {
        var item = new RawFeedItem
        {
            Id = element.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number ? id.ToString() : null,
            Title = String(element, "title"),
            Link = FeedUrls.ResolveText(String(element, "url") ?? String(element, "external_url"), state.DocumentBase),

            // JSON Feed defines title, summary and content_text as plain text; publishers still HTML-escape them.
            SummaryText = FeedText.Summary(String(element, "summary") ?? String(element, "content_text"), TextKind.LooseText, state.SummaryMaxLength),
            DateText = String(element, "date_published") ?? String(element, "date_modified"),
        };

        if (!item.HasSummary)
        {
            item.ContentText = FeedText.Summary(String(element, "content_html"), TextKind.Html, state.SummaryMaxLength);
        }

        if (element.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.String)
                {
                    item.AddCategory(tag.GetString());
                }
            }
        }

        return item;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
