using BotHost.Core.Feeds.Parsing;
using BotHost.Core.Stories;
using Microsoft.Extensions.Options;

namespace BotHost.Core.Tests.Stories;

public sealed class NoiseCuratorTests
{
    private const string SeedHeading = "Latest DevOps news from Tech News";
    private const string RealSummary = "A long enough summary of an actual article about deploying services on Kubernetes.";

    private static readonly string[] SeedLines =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "Stories", "devto-teasers.txt"))
            .Where(l => l.Length > 0)
            .ToArray();

    private readonly NoiseCurator _curator = new(Options.Create(new CurationOptions()));

    public static TheoryData<string> Headings { get; } = new()
    {
        SeedHeading,
        "Latest news",
        "Top stories",
        "This week's top posts",
        "Today's headlines on Hacker News",
        "The latest Kubernetes articles",
        "Trending posts from the community",
        "Weekly DevOps roundup",
        "Kubernetes digest #42",
        "Friday link round-up",
    };

    public static TheoryData<string> ArticlesAboutNews { get; } = new()
    {
        "Google News is shutting down its RSS feeds",
        "How we built the news feed at Acme",
        "Latest Rust news: the 2024 edition is stable",
        "Top 10 news apps for developers in 2026",
        "Why I stopped reading tech news",
        "The latest news on WebAssembly GC support lands in Chrome",
        "Building a news digest in Go",
        "Good news: Postgres 17 is 2x faster at vacuum",
        "Top posts are a lie: ranking by engagement hurts quality",
    };

    public static TheoryData<string, string> BareDisclosures { get; } = new()
    {
        { "Sponsored:", NoiseCurator.SponsoredReason },
        { "[Sponsored]", NoiseCurator.SponsoredReason },
        { "(Sponsored)", NoiseCurator.SponsoredReason },
        { "Partner content", NoiseCurator.SponsoredReason },
        { "Sponsored by Acme Cloud", NoiseCurator.SponsoredReason },
        { "This post is sponsored by Acme.", NoiseCurator.SponsoredReason },
        { "Disclosure: This post contains affiliate links.", NoiseCurator.AffiliateReason },
        { "Affiliate disclosure", NoiseCurator.AffiliateReason },
        { "As an Amazon Associate I earn from qualifying purchases.", NoiseCurator.AffiliateReason },
        { "This article includes affiliate links. I may earn a commission at no extra cost to you.", NoiseCurator.AffiliateReason },
    };

    public static TheoryData<string> TitlesMentioningDisclosureWords { get; } = new()
    {
        "[Sponsored] Acme ships faster CI builds for monorepos",
        "Sponsored: Acme ships faster CI builds for monorepos",
        "Disclosure of a critical OpenSSL vulnerability",
        "Promoted to staff engineer: what changed",
        "Affiliate marketing platforms compared for indie hackers",
        "Partner content is eating the web, and here is why",
    };

    [Fact]
    public void Judge_SeedHeadingLine_DropsAsHeading()
    {
        var verdict = _curator.Judge(Item(SeedHeading));

        Assert.False(verdict.Keep);
        Assert.Equal(NoiseCurator.HeadingReason, verdict.Reason);
        Assert.Contains(SeedHeading, verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_SeedDisclosureLine_DropsAsAffiliate()
    {
        var line = SeedLines.Single(l => l.StartsWith("Disclosure:", StringComparison.Ordinal));

        var verdict = _curator.Judge(Item(line));

        Assert.False(verdict.Keep);
        Assert.Equal(NoiseCurator.AffiliateReason, verdict.Reason);
    }

    [Fact]
    public void Judge_SeedDisclosureLineAsSummaryWithoutTitle_DropsAsAffiliate()
    {
        var line = SeedLines.Single(l => l.StartsWith("Disclosure:", StringComparison.Ordinal));

        var verdict = _curator.Judge(Item(string.Empty, line));

        Assert.False(verdict.Keep);
        Assert.Equal(NoiseCurator.AffiliateReason, verdict.Reason);
    }

    [Fact]
    public void Judge_EveryOtherSeedLine_IsKept()
    {
        var others = SeedLines.Where(l => l != SeedHeading && !l.StartsWith("Disclosure:", StringComparison.Ordinal)).ToList();

        var dropped = others.Select(l => (Line: l, Verdict: _curator.Judge(Item(l)))).Where(x => !x.Verdict.Keep).ToList();

        Assert.Equal(SeedLines.Length - 2, others.Count);
        Assert.True(dropped.Count == 0, string.Join("\n", dropped.Select(d => $"{d.Verdict.Reason}: {d.Line}")));
    }

    [Fact]
    public void Judge_EverySeedLineAsSummaryUnderARealTitle_IsKept()
    {
        var verdicts = SeedLines.Select(l => _curator.Judge(Item("An article from the DEV feed", l))).ToList();

        Assert.All(verdicts, v => Assert.True(v.Keep, v.Explanation));
    }

    [Theory]
    [MemberData(nameof(Headings))]
    public void Judge_WhenHeadingHasNoSummary_DropsAsHeading(string title)
    {
        var verdict = _curator.Judge(Item(title, url: "https://news.example/2026/11/25/some-slug"));

        Assert.False(verdict.Keep);
        Assert.Equal(NoiseCurator.HeadingReason, verdict.Reason);
    }

    [Theory]
    [InlineData("https://technews.example/")]
    [InlineData("https://technews.example/tag/devops")]
    [InlineData("https://dev.to/t/devops")]
    [InlineData("https://technews.example/category/devops/")]
    [InlineData("https://technews.example/news/")]
    [InlineData("https://technews.example/blog/page/3")]
    public void Judge_WhenHeadingLinksToListingPage_DropsEvenWithSummary(string url)
    {
        var verdict = _curator.Judge(Item(SeedHeading, RealSummary, url));

        Assert.False(verdict.Keep);
        Assert.Equal(NoiseCurator.HeadingReason, verdict.Reason);
        Assert.Contains("listing page", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_WhenHeadingLikeTitleHasSummaryAndArticleLink_IsKept()
    {
        var verdict = _curator.Judge(Item("Weekly DevOps roundup", RealSummary, "https://ops.example/2026/11/weekly-devops-roundup-47"));

        Assert.True(verdict.Keep);
    }

    [Theory]
    [MemberData(nameof(ArticlesAboutNews))]
    public void Judge_WhenArticleMentionsNewsAndHasNoSummary_IsKept(string title)
    {
        var verdict = _curator.Judge(Item(title, url: "https://blog.example/2026/11/article"));

        Assert.True(verdict.Keep, verdict.Explanation);
    }

    [Theory]
    [MemberData(nameof(BareDisclosures))]
    public void Judge_WhenTitleIsOnlyADisclosure_DropsWithReason(string title, string reason)
    {
        var verdict = _curator.Judge(Item(title));

        Assert.False(verdict.Keep);
        Assert.Equal(reason, verdict.Reason);
    }

    [Theory]
    [MemberData(nameof(BareDisclosures))]
    public void Judge_WhenSummaryIsOnlyADisclosureAndTitleIsTooShort_DropsWithReason(string summary, string reason)
    {
        var verdict = _curator.Judge(Item("Deals", summary));

        Assert.False(verdict.Keep);
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Judge_WhenDisclosureSummarySitsUnderARealTitle_IsKept()
    {
        var verdict = _curator.Judge(Item("The best mechanical keyboards for programmers", "Disclosure: This post contains affiliate links."));

        Assert.True(verdict.Keep);
    }

    [Fact]
    public void Judge_WhenDisclosureTitleHasARealSummary_IsKept()
    {
        var verdict = _curator.Judge(Item("[Sponsored]", RealSummary));

        Assert.True(verdict.Keep);
    }

    [Theory]
    [MemberData(nameof(TitlesMentioningDisclosureWords))]
    public void Judge_WhenDisclosureWordIsPartOfARealTitle_IsKept(string title)
    {
        var verdict = _curator.Judge(Item(title));

        Assert.True(verdict.Keep, verdict.Explanation);
    }

    [Theory]
    [InlineData("Go 1.24")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Hello world")]
    public void Judge_WhenTitleIsShortAndNoSummary_DropsAsTooShort(string title)
    {
        var verdict = _curator.Judge(Item(title, "Comments"));

        Assert.False(verdict.Keep);
        Assert.Equal(NoiseCurator.TooShortReason, verdict.Reason);
        Assert.Contains("12", verdict.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_WhenTitleIsExactlyMinimumLength_IsKept()
    {
        var verdict = _curator.Judge(Item("Hello world!"));

        Assert.True(verdict.Keep);
    }

    [Fact]
    public void Judge_WhenShortTitleHasSummary_IsKept()
    {
        var verdict = _curator.Judge(Item("Go 1.24", RealSummary));

        Assert.True(verdict.Keep);
    }

    [Fact]
    public void Judge_WhenThresholdsAreZero_KeepsShortItems()
    {
        var curator = new NoiseCurator(Options.Create(new CurationOptions { MinTitleLength = 0, MinTextLength = 0 }));

        var verdict = curator.Judge(Item("Go"));

        Assert.True(verdict.Keep);
    }

    [Fact]
    public void Judge_EveryDrop_HasOneLineExplanation()
    {
        string[] titles = [SeedHeading, "[Sponsored]", "Go 1.24", SeedLines.Single(l => l.StartsWith("Disclosure:", StringComparison.Ordinal))];

        var verdicts = titles.Select(t => _curator.Judge(Item(t))).ToList();

        Assert.All(verdicts, v =>
        {
            Assert.False(v.Keep);
            Assert.False(string.IsNullOrWhiteSpace(v.Explanation));
            Assert.DoesNotContain('\n', v.Explanation!);
            Assert.True(v.Explanation!.Length <= 200, v.Explanation);
        });
    }

    [Fact]
    public void Judge_WhenTitleIsAHugeHeadingLikeRun_IsKeptAsAnArticle()
    {
        var title = "Latest " + string.Concat(Enumerable.Repeat("devops ", 10_000)) + "news";

        var verdict = _curator.Judge(Item(title));

        Assert.True(verdict.Keep);
    }

    [Theory]
    [InlineData(-1, 40, "Curation:MinTitleLength")]
    [InlineData(12, -1, "Curation:MinTextLength")]
    public void Constructor_WhenThresholdIsNegative_ThrowsNamingKey(int minTitle, int minText, string key)
    {
        var options = Options.Create(new CurationOptions { MinTitleLength = minTitle, MinTextLength = minText });

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new NoiseCurator(options));

        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    private static FeedItem Item(string title, string summary = "", string? url = "https://blog.example/post") =>
        new(Id: url ?? title, Title: title, Url: url, CommentsUrl: null, Published: null, SummaryText: summary, Categories: []);
}
