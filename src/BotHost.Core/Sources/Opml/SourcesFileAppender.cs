using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BotHost.Core.Sources.Opml;

/// <summary>
/// Adds entries to a sources file by inserting text after its last entry, so its comments, order and layout stay as
/// written. The result is read back with <see cref="SourcesFileReader"/> before it replaces the file; the previous file is
/// kept beside it as <c>NAME.yyyyMMdd-HHmmss.bak</c>. A failure leaves the file as it was.
/// </summary>
public static class SourcesFileAppender
{
    /// <returns>The backup of the previous file, or null when there was none (a new file) or nothing to add.</returns>
    /// <exception cref="SourcesFileException">The file has no "sources" array, or the result would not be a valid sources file.</exception>
    public static string? Append(string path, IReadOnlyList<SourcesFileEntry> entries, DateTimeOffset now, TimeSpan defaultInterval)
    {
        if (entries.Count == 0)
        {
            return null;
        }

        var existed = File.Exists(path);
        var text = existed ? Insert(path, File.ReadAllText(path), entries) : New(entries);
        var temporary = path + ".importing";
        File.WriteAllText(temporary, text, new UTF8Encoding(false));
        try
        {
            SourcesFileReader.Read(temporary, defaultInterval);
        }
        catch (SourcesFileException ex)
        {
            File.Delete(temporary);
            throw new SourcesFileException($"Adding {entries.Count} sources would make '{path}' invalid, so nothing was changed: {ex.Message}", ex);
        }

        string? backup = null;
        if (existed)
        {
            backup = $"{path}.{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}.bak";
            for (var n = 2; File.Exists(backup); n++)
            {
                backup = $"{path}.{now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{n}.bak";
            }

            File.Copy(path, backup);
        }

        File.Move(temporary, path, overwrite: true);
        return backup;
    }

    /// <summary>One entry on one line, in the shape config/sources.json uses.</summary>
    public static string Format(SourcesFileEntry entry)
    {
        var text = new StringBuilder("{ \"name\": ").Append(Quote(entry.Name)).Append(", \"url\": ").Append(Quote(entry.Url));
        if (entry.Weight is { } weight)
        {
            text.Append(", \"weight\": ").Append(weight.ToString("R", CultureInfo.InvariantCulture));
        }

        if (entry.Topics.Count > 0)
        {
            text.Append(", \"topics\": [").Append(string.Join(", ", entry.Topics.Select(Quote))).Append(']');
        }

        if (entry.IntervalMinutes is { } minutes)
        {
            text.Append(", \"intervalMinutes\": ").Append(minutes.ToString(CultureInfo.InvariantCulture));
        }

        return text.Append(" }").ToString();
    }

    private static string New(IReadOnlyList<SourcesFileEntry> entries) =>
        "{\n  \"sources\": [\n" + string.Join(",\n", entries.Select(e => "    " + Format(e))) + "\n  ]\n}\n";

    private static string Insert(string path, string text, IReadOnlyList<SourcesFileEntry> entries)
    {
        var span = FindSourcesArray(path, text);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        if (span.LastElementEnd >= 0)
        {
            var indent = IndentOfLine(text, span.LastElementStart);
            var added = string.Concat(entries.Select(e => "," + newline + indent + Format(e)));
            return text.Insert(span.LastElementEnd, added);
        }

        var arrayIndent = IndentOfLine(text, span.ArrayStart);
        var body = string.Join("," + newline, entries.Select(e => arrayIndent + "  " + Format(e)));
        return string.Concat(text.AsSpan(0, span.ArrayStart), "[" + newline + body + newline + arrayIndent + "]", text.AsSpan(span.ArrayEnd + 1));
    }

    /// <summary>Where the top-level "sources" array and its last element are, as character offsets (comments skipped).</summary>
    private static (int ArrayStart, int ArrayEnd, int LastElementStart, int LastElementEnd) FindSourcesArray(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        long arrayStart = -1, lastStart = -1, lastEnd = -1;
        try
        {
            while (reader.Read())
            {
                if (arrayStart < 0)
                {
                    if (reader is { TokenType: JsonTokenType.PropertyName, CurrentDepth: 1 } && reader.ValueTextEquals("sources"u8))
                    {
                        reader.Read();
                        if (reader.TokenType != JsonTokenType.StartArray)
                        {
                            break;
                        }

                        arrayStart = reader.TokenStartIndex;
                    }

                    continue;
                }

                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject when reader.CurrentDepth == 2:
                        lastStart = reader.TokenStartIndex;
                        break;
                    case JsonTokenType.EndObject when reader.CurrentDepth == 2:
                        lastEnd = reader.TokenStartIndex + 1;
                        break;
                    case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                        return (CharOffset(bytes, arrayStart), CharOffset(bytes, reader.TokenStartIndex), lastStart < 0 ? -1 : CharOffset(bytes, lastStart), lastEnd < 0 ? -1 : CharOffset(bytes, lastEnd));
                }
            }
        }
        catch (JsonException ex)
        {
            throw new SourcesFileException($"Sources file '{path}' is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        throw new SourcesFileException($"Sources file '{path}' has no top-level \"sources\" array to add to.");
    }

    private static int CharOffset(byte[] utf8, long byteOffset) => Encoding.UTF8.GetCharCount(utf8, 0, (int)byteOffset);

    private static string IndentOfLine(string text, int offset)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, offset - 1)) + 1;
        var end = lineStart;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text[lineStart..end];
    }

    private static string Quote(string value) => "\"" + JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) + "\"";
}
