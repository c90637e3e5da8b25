namespace BotHost.Core.Stories;

/// <summary>
/// One keyword of a topic: one or more words matched side by side on word boundaries, each tolerating a
/// plural ("microservice" ~ "microservices", "registry" ~ "registries"); a trailing "*" makes the last word a
/// stem ("architect*" ~ "architecture").
/// </summary>
internal sealed class TopicKeyword
{
    public const int MinStemLength = 3;

    private readonly string[] _words;
    private readonly bool _isStem;

    private TopicKeyword(string text, string[] words, bool isStem)
    {
        Text = text;
        _words = words;
        _isStem = isStem;
    }

    public string Text { get; }

    /// <summary>The word a match starts with; when <see cref="FirstWordIsStem"/>, the letters it starts with.</summary>
    public string FirstWord => _words[0];

    public bool FirstWordIsStem => _isStem && _words.Length == 1;

    /// <summary>Returns null and says why when the keyword cannot match anything sensible.</summary>
    public static TopicKeyword? TryParse(string? text, out string problem)
    {
        problem = string.Empty;
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            problem = "is empty";
            return null;
        }

        var isStem = trimmed.EndsWith('*');
        var body = isStem ? trimmed[..^1] : trimmed;
        if (body.Contains('*', StringComparison.Ordinal))
        {
            problem = "has a '*' that is not at the end; '*' only marks a stem, as in \"architect*\"";
            return null;
        }

        var words = Split(body);
        if (words.Count == 0)
        {
            problem = "has no letters or digits";
            return null;
        }

        // Only letters and digits are compared, so "c#" would become the single letter "c" and match everywhere.
        if (words.TrueForAll(w => w.Length == 1))
        {
            problem = $"would only match single letters (\"{string.Join(' ', words)}\"); spell it out, e.g. \"csharp\" for \"c#\"";
            return null;
        }

        if (isStem && (words[^1].Length < MinStemLength || !char.IsLetterOrDigit(body[^1])))
        {
            problem = $"has a stem shorter than {MinStemLength} letters or ending in punctuation; it would match too much";
            return null;
        }

        return new TopicKeyword(trimmed.ToLowerInvariant(), [.. words], isStem);
    }

    /// <summary>Lower-case words of <paramref name="text"/>: runs of letters and digits, everything else separates.</summary>
    public static List<string> Split(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }

        return words;
    }

    public bool IsIn(IReadOnlyList<string> words)
    {
        for (var i = 0; i + _words.Length <= words.Count; i++)
        {
            if (MatchesAt(words, i))
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAt(IReadOnlyList<string> words, int start)
    {
        for (var k = 0; k < _words.Length; k++)
        {
            var stem = _isStem && k == _words.Length - 1;
            if (!WordMatches(_words[k], words[start + k], stem))
            {
                return false;
            }
        }

        return true;
    }

    private static bool WordMatches(string keyword, string word, bool stem)
    {
        if (word.StartsWith(keyword, StringComparison.Ordinal))
        {
            var extra = word.AsSpan(keyword.Length);
            return stem || extra is "" or "s" or "es";
        }

        // "registry" ~ "registries"
        return !stem && keyword.Length > 1 && keyword[^1] == 'y' && word.Length == keyword.Length + 2
            && word.EndsWith("ies", StringComparison.Ordinal)
            && word.AsSpan(0, keyword.Length - 1).SequenceEqual(keyword.AsSpan(0, keyword.Length - 1));
    }
}
