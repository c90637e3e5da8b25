using System.Globalization;
using System.Text;
using BotHost.Core.Digests;

namespace BotHost.Core.Tests.Digests;

public sealed class DigestRendererTests
{
    private readonly DigestRenderer _renderer = new();

    [Fact]
    public void Render_TwentyFiveLongNastyTitles_KeepsEveryPartWithinTheLimitsAndEveryUrlWhole()
    {
        var digest = DigestSamples.TwentyFiveNastyStories();

        var parts = _renderer.Render(digest);

        Assert.Equal(5, parts.Count);
        Assert.All(parts, AssertWithinLimits);
        Assert.Equal(digest.Entries.Select(e => e.Url), parts.SelectMany(p => p.Cards).Select(c => c.Url));
        Assert.Equal(Enumerable.Range(1, 25).Select(i => (long)i), parts.SelectMany(p => p.StoryIds));
        Assert.Equal(["backend @everyone **news** · 2026-11-25 · 1/5", "backend @everyone **news** · 2026-11-25 · 5/5"], new[] { parts[0].Marker, parts[4].Marker });
        Assert.Equal("**backend \\@everyone \\*\\*news\\*\\*** · Wednesday 25 November 2026 · 25 stories", parts[0].Content);
        Assert.All(parts.Skip(1), p => Assert.Null(p.Content));
    }

    [Fact]
    public void Render_EscapesMarkdownAndMentionsInEveryFeedText()
    {
        var parts = _renderer.Render(DigestSamples.TwentyFiveNastyStories());
        var text = string.Join("\n", parts.SelectMany(p => p.Cards).SelectMany(c => new[] { c.Title, c.Description }));

        Assert.DoesNotContain(" @everyone", text.Replace("\\@everyone", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("[link](", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@123>", text, StringComparison.Ordinal);
        Assert.Contains("\\[link\\]\\(https", text, StringComparison.Ordinal);
        Assert.Contains("⭐ picked by **ada \\@everyone**: “must read \\*\\*now\\*\\*”", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UrlLongerThanAnEmbedLink_IsLeftOutRatherThanCut()
    {
        var longUrl = "https://example.org/" + new string('a', 2100);
        var entry = new DigestEntry(1, 1, "A long link", longUrl, "", "Blog", [], [], null, new ScoreParts(1, 1, 0, 0, 0, false));

        var card = Assert.Single(Assert.Single(_renderer.Render(new Digest(1, "d", "p", new DateOnly(2026, 1, 1), [entry]))).Cards);

        Assert.Null(card.Url);
        Assert.DoesNotContain("https://example.org/aaa", card.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RandomFeedText_StaysWithinLimits()
    {
        const int seed = 20261125;
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var count = random.Next(1, 26);
            var entries = Enumerable.Range(1, count).Select(i => new DigestEntry(
                i, i, RandomText(random, random.Next(0, 600)), random.Next(4) == 0 ? null : "https://example.org/" + RandomText(random, random.Next(0, 40)).Length,
                RandomText(random, random.Next(0, 900)), RandomText(random, random.Next(1, 120)), [.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => RandomText(random, 20))],
                [.. Enumerable.Range(0, random.Next(0, 12)).Select(_ => RandomText(random, 15))], random.Next(3) == 0 ? new DigestPick(RandomText(random, 50), RandomText(random, 400)) : null,
                new ScoreParts(1, 1, 0, 0, 0, false))).ToList();
            var digest = new Digest(round, RandomText(random, random.Next(1, 100)), "2026-W48", new DateOnly(2026, 11, 25), entries);

            var parts = _renderer.Render(digest);

            try
            {
                Assert.All(parts, AssertWithinLimits);
                Assert.Equal(count, parts.Sum(p => p.Cards.Count));
                Assert.Equal(parts.Count, parts.Select(p => p.Marker).Distinct().Count());
            }
            catch (Exception)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"Random rendering failed with seed {seed} in round {round}.");
                throw;
            }
        }
    }

    [Fact]
    public void RenderEmpty_IsOneContentLineThatIsItsOwnMarker()
    {
        var part = _renderer.RenderEmpty(new Digest(3, "ai", "2026-W48", new DateOnly(2026, 11, 23), []));

        Assert.Equal("**ai** · Monday 23 November 2026 · nothing new since the last digest.", part.Content);
        Assert.Equal(part.Content, part.Marker);
        Assert.Empty(part.Cards);
    }

    internal static void AssertWithinLimits(DigestPart part)
    {
        Assert.True((part.Content?.Length ?? 0) <= MessageLimits.ContentLength, "content");
        Assert.InRange(part.Cards.Count, 1, MessageLimits.CardsPerMessage);
        Assert.InRange(part.Rows.Count, 0, MessageLimits.RowsPerMessage);
        Assert.All(part.Rows, r => Assert.InRange(r.Actions.Count, 1, MessageLimits.ActionsPerRow));
        Assert.All(part.Rows.SelectMany(r => r.Actions), a => Assert.InRange(a.Label.Length, 1, MessageLimits.LabelLength));
        Assert.All(part.Cards, c =>
        {
            Assert.InRange(c.Title?.Length ?? 0, 0, MessageLimits.CardTitleLength);
            Assert.InRange(c.Description?.Length ?? 0, 0, MessageLimits.CardDescriptionLength);
            Assert.InRange(c.Footer?.Length ?? 0, 0, MessageLimits.CardFooterLength);
            Assert.InRange(c.Url?.Length ?? 0, 0, MessageLimits.UrlLength);
            Assert.False(HasBrokenSurrogate(c.Title) || HasBrokenSurrogate(c.Description), "a surrogate pair was cut");
        });
        var total = part.Cards.Sum(c => (c.Title?.Trim().Length ?? 0) + (c.Description?.Trim().Length ?? 0) + (c.Footer?.Trim().Length ?? 0));
        Assert.True(total <= MessageLimits.CardsTotalLength, $"cards total {total}");
    }

    private static bool HasBrokenSurrogate(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && (i + 1 == text.Length || !char.IsLowSurrogate(text[i + 1])))
            {
                return true;
            }

            if (char.IsLowSurrogate(text[i]) && (i == 0 || !char.IsHighSurrogate(text[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static string RandomText(Random random, int length)
    {
        const string pool = "abc XYZ 123 *_~`|[]()<>#@\\-+:.\n\r\t";
        string[] specials = ["😀", "👨‍👩‍👧", "é", "́", "中", "ж", "ع", "\u200d", "\U0001F680", "@everyone", "<@1>"];
        var sb = new StringBuilder();
        while (sb.Length < length)
        {
            sb.Append(random.Next(5) == 0 ? specials[random.Next(specials.Length)] : pool[random.Next(pool.Length)].ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }
}
