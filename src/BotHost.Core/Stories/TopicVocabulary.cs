using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BotHost.Core.Stories;

/// <summary>
/// Keywords per topic, read from a topics file: <c>{"topics": {"backend": ["api", "message queue", "architect*", …], …}}</c>.
/// Matching is case-insensitive on whole words (letters and digits; everything else separates), phrases match
/// their words side by side, every word tolerates a plural (s, es, y→ies) and a trailing "*" marks a stem.
/// </summary>
public sealed class TopicVocabulary
{
    private readonly FrozenDictionary<string, TopicKeyword[]> _topics;

    private TopicVocabulary(string origin, FrozenDictionary<string, TopicKeyword[]> topics)
    {
        Origin = origin;
        _topics = topics;
    }

    /// <summary>The file (or other origin) the vocabulary was read from, for messages.</summary>
    public string Origin { get; }

    public IReadOnlyList<string> Topics => _topics.Keys;

    /// <summary>Reads <paramref name="path"/>; null when the file does not exist. Throws <see cref="TopicsFileException"/> when it is malformed.</summary>
    public static TopicVocabulary? Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return null;
        }

        TopicsFile? file;
        try
        {
            using var stream = File.OpenRead(path);
            file = JsonSerializer.Deserialize(stream, TopicsJsonContext.Default.TopicsFile);
        }
        catch (JsonException ex)
        {
            throw new TopicsFileException($"Topics file '{path}' is not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new TopicsFileException($"Topics file '{path}' could not be read: {ex.Message}", ex);
        }

        if (file?.Topics is null)
        {
            throw new TopicsFileException($"Topics file '{path}' has no \"topics\" object; expected {{\"topics\": {{\"backend\": [\"api\", …]}}}}.");
        }

        return Build($"Topics file '{path}'", path, file.Topics);
    }

    /// <summary>A vocabulary from memory, validated like a file.</summary>
    public static TopicVocabulary Create(IReadOnlyDictionary<string, IReadOnlyList<string>> topics, string origin = "topics")
    {
        ArgumentNullException.ThrowIfNull(topics);
        return Build($"Topics '{origin}'", origin, topics.ToDictionary(t => t.Key, t => (List<string?>?)[.. t.Value]));
    }

    public bool Contains(string topic) => _topics.ContainsKey(Normalize(topic));

    /// <summary>The keywords of <paramref name="topic"/> as written in the file; empty for an unknown topic.</summary>
    public IReadOnlyList<string> KeywordsOf(string topic)
        => _topics.TryGetValue(Normalize(topic), out var keywords) ? [.. keywords.Select(k => k.Text)] : [];

    /// <summary>The first keyword of <paramref name="topic"/> found in <paramref name="text"/>, or null (also for an unknown topic).</summary>
    public string? FirstMatch(string topic, string text) => FirstMatch(topic, TopicText.Of(text));

    internal string? FirstMatch(string topic, TopicText text) =>
        _topics.TryGetValue(Normalize(topic), out var keywords) ? Array.Find(keywords, text.Contains)?.Text : null;

    internal static string Normalize(string topic) => topic.Trim().ToLowerInvariant();

    private static TopicVocabulary Build(string where, string origin, IReadOnlyDictionary<string, List<string?>?> topics)
    {
        var result = new Dictionary<string, TopicKeyword[]>(StringComparer.Ordinal);
        foreach (var (name, keywords) in topics)
        {
            var topic = Normalize(name);
            if (topic.Length == 0)
            {
                throw new TopicsFileException($"{where}: a topic has an empty name.");
            }

            if (result.ContainsKey(topic))
            {
                throw new TopicsFileException($"{where}: topic \"{topic}\" is listed twice (names are compared in lower case).");
            }

            if (keywords is null || keywords.Count == 0)
            {
                throw new TopicsFileException($"{where}: topic \"{topic}\" has no keywords; give it a list such as [\"api\", \"message queue\"].");
            }

            var parsed = new TopicKeyword[keywords.Count];
            for (var i = 0; i < keywords.Count; i++)
            {
                parsed[i] = TopicKeyword.TryParse(keywords[i], out var problem)
                    ?? throw new TopicsFileException($"{where}: topics.{topic}[{i}] (\"{keywords[i]}\") {problem}.");
            }

            result.Add(topic, parsed);
        }

        return new TopicVocabulary(origin, result.ToFrozenDictionary(StringComparer.Ordinal));
    }

    internal sealed class TopicsFile
    {
        public Dictionary<string, List<string?>?>? Topics { get; set; }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false)]
[JsonSerializable(typeof(TopicVocabulary.TopicsFile))]
internal sealed partial class TopicsJsonContext : JsonSerializerContext;
