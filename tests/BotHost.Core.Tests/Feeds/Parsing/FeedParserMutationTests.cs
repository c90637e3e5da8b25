using System.Diagnostics;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

/// <summary>
/// Issue 8 acceptance 1: every test feed, mutated every way <see cref="FeedMutants"/> knows, parses within a deadline
/// this test enforces, throws nothing but the documented exceptions, and never returns zero items without an error
/// while the document plainly holds items.
/// </summary>
public sealed class FeedParserMutationTests(ITestOutputHelper output)
{
    private const int Seed = 20_260_801;
    private static readonly TimeSpan PerMutantDeadline = TimeSpan.FromSeconds(10);

    [Fact]
    public void Parse_EveryMutantOfEveryTestFeed_FinishesInTimeThrowsOnlyDocumentedErrorsAndNeverLosesItemsSilently()
    {
        var random = new Random(Seed);
        var root = Path.Combine(AppContext.BaseDirectory, "TestData", "Feeds");
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var parser = new FeedParser(); // debug builds: a parser fault throws, so it fails this test
        var failures = new List<string>();
        var count = 0;
        var rejected = 0;
        var stopwatch = Stopwatch.StartNew();

        foreach (var file in files)
        {
            var source = Path.GetRelativePath(root, file);
            foreach (var mutant in FeedMutants.Of(source, File.ReadAllBytes(file), random))
            {
                count++;
                var failure = Check(parser, mutant, ref rejected);
                if (failure is not null)
                {
                    failures.Add($"{mutant}: {failure}");
                }
            }
        }

        output.WriteLine($"{count} mutants of {files.Count} feeds (seed {Seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s; {rejected} refused with a documented error.");
        Assert.True(failures.Count == 0, $"seed {Seed}, {failures.Count} of {count} mutants failed:\n{string.Join("\n", failures.Take(20))}");
        Assert.True(count > 1000, $"only {count} mutants were made");
    }

    private static string? Check(FeedParser parser, FeedMutant mutant, ref int rejected)
    {
        ParsedFeed feed;
        try
        {
            feed = BoundedParse.Run(
                ct => parser.Parse(mutant.Bytes, new FeedParseContext(FeedTestFiles.Source), ct),
                PerMutantDeadline,
                mutant.ToString());
        }
        catch (Exception ex) when (ex is FeedFormatException or NotAFeedException)
        {
            rejected++;
            return null;
        }
        catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
        {
            return $"threw {ex.GetType().Name}: {ex.Message}";
        }

        if (feed.Items.Count == 0 && feed.Errors.Count == 0 && FeedMutants.HasItems(mutant.Bytes))
        {
            return "zero items and no error, though the document has items";
        }

        return feed.Items.Any(i => i.Title.Any(c => c < ' ') || i.SummaryText.Any(c => c < ' '))
            ? "a control character reached a title or summary"
            : null;
    }
}
