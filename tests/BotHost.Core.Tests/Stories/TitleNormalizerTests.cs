using BotHost.Core.Stories;

namespace BotHost.Core.Tests.Stories;

public sealed class TitleNormalizerTests
{
    public static TheoryData<string, string, string> Vectors { get; } = new()
    {
        { "lower-case", "Why SQLite Is GREAT", "why sqlite is great" },
        { "NFKC full-width", "ＧＰＵ　ｋｅｒｎｅｌｓ", "gpu kernels" },
        { "NFKC ligature", "ﬁle systems", "file systems" },
        { "diacritics stripped", "Café résumé naïve", "cafe resume naive" },
        { "Show HN prefix", "Show HN: Tiny Lisp", "tiny lisp" },
        { "Launch HN prefix with dash", "Launch HN – Acme", "acme" },
        { "Ask HN prefix", "Ask HN: How do you test?", "how do you test" },
        { "Tell HN prefix", "Tell HN: Status page is down", "status page is down" },
        { "[video] prefix", "[video] Designing systems", "designing systems" },
        { "(video) suffix", "Designing systems (video)", "designing systems" },
        { "[pdf] suffix", "The Tail at Scale [pdf]", "the tail at scale" },
        { "year suffix", "A history of Unix (2019)", "a history of unix" },
        { "markers stacked", "Show HN: Tool (2024) [pdf] | Hacker News", "tool" },
        { "Hacker News suffix", "Zed is open source | Hacker News", "zed is open source" },
        { "DEV Community suffix", "Outbox pattern - DEV Community", "outbox pattern" },
        { "DEV Community suffix with emoji", "Outbox pattern - DEV Community 👩‍💻👨‍💻", "outbox pattern" },
        { "DEV suffix", "Outbox pattern - DEV", "outbox pattern" },
        { "Lobsters suffix", "Outbox pattern | Lobsters", "outbox pattern" },
        { "Medium suffix", "Outbox pattern — Medium", "outbox pattern" },
        { "Medium author suffix", "Outbox pattern | by Jane Doe | Medium", "outbox pattern" },
        { "Medium author and publication", "Outbox pattern | by Jane | Better Programming | Medium", "outbox pattern" },
        { "dev inside a title kept", "From zero to dev", "from 0 to dev" },
        { "medium inside a title kept", "Choosing a medium for async work", "choosing a medium for async work" },
        { "year inside a title kept", "The state of JS 2024", "the state of js 2024" },
        { "punctuation to spaces", "Event-Driven: CQRS, sagas & outbox!", "event driven cqrs sagas outbox" },
        { "whitespace collapsed", "  lots \t of   space  ", "lots of space" },
        { "decimal kept", "Announcing Rust 1.80", "announcing rust 1.80" },
        { "thousands separator dropped", "Shipping 12,000+ lines", "shipping 12000 lines" },
        { "trailing .0 dropped", "SQLite 3.45.0 released", "sqlite 3.45 released" },
        { "v before version dropped", "Kubernetes v1.31", "kubernetes 1.31" },
        { "letter digit split", "Cut p99 with 7MB", "cut p 99 with 7 mb" },
        { "c++ and c# kept", "C++ vs C# vs F#", "c++ vs c# vs f#" },
        { "contraction suffix dropped", "We're here. It's fine.", "we here it fine" },
        { "negation kept", "You don't need Redux", "you dont need redux" },
        { "curly apostrophe", "You don’t need Redux", "you dont need redux" },
        { "number words", "Five lessons from ten years", "5 lessons from 10 years" },
        { "only punctuation", "?!…", "" },
        { "marker only", "[pdf]", "" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Normalize_AppliesRule(string rule, string title, string expected)
    {
        var normalized = TitleNormalizer.Normalize(title);

        Assert.True(expected == normalized, $"rule '{rule}': expected '{expected}' but got '{normalized}'");
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Normalize_WhenAppliedTwice_IsStable(string rule, string title, string expected)
    {
        var once = TitleNormalizer.Normalize(title);

        var twice = TitleNormalizer.Normalize(once);

        Assert.True(once == twice, $"rule '{rule}': '{once}' became '{twice}'");
        Assert.Equal(expected, once);
    }

    [Fact]
    public void Normalize_WhenTitleIsHuge_UsesOnlyTheFirstMaxTitleLengthCharacters()
    {
        var huge = string.Concat(Enumerable.Repeat("word ", 20_000));

        var normalized = TitleNormalizer.Normalize(huge);

        Assert.Equal(TitleNormalizer.Normalize(huge[..TitleNormalizer.MaxTitleLength]), normalized);
        Assert.True(normalized.Length <= TitleNormalizer.MaxTitleLength);
    }

    [Fact]
    public void Normalize_WhenNull_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TitleNormalizer.Normalize(null!));
    }

    [Theory]
    [InlineData("How the SQLite WAL works | Hacker News", "How the SQLite WAL works")]
    [InlineData("Shipping Fast - DEV Community", "Shipping Fast")]
    [InlineData("Why I Left | by Jane Doe | Medium", "Why I Left")]
    [InlineData("Show HN: Keeps Its Prefix", "Show HN: Keeps Its Prefix")]
    [InlineData("  Spaces   collapse  ", "Spaces collapse")]
    public void DisplayTitle_StripsSiteSuffixButKeepsCasing(string title, string expected)
    {
        var display = TitleNormalizer.DisplayTitle(title);

        Assert.Equal(expected, display);
    }
}
