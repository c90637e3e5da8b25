using System.Xml;
using BotHost.Core.Feeds.Parsing;

namespace BotHost.Core.Tests.Feeds.Parsing;

public sealed class FeedElementReaderTests
{
    private const string Entry = "<entry><a>1</a><b>2</b><c>3</c></entry>";

    [Fact]
    public void ForEachChild_WhenHandlerClaimsWithoutReading_ThrowsWhenFaultsThrow()
    {
        var (elements, _) = Open(Entry, throwOnFault: true);

        var fault = Assert.Throws<ParserFaultException>(() => BoundedParse.Run(_ =>
        {
            elements.ForEachChild(0, static (child, _) => child.Reader.LocalName == "b");
            return 0;
        }));

        Assert.Contains("claimed it without reading it", fault.Message, StringComparison.Ordinal);
        Assert.Contains("<b>", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ForEachChild_WhenHandlerClaimsWithoutReading_SkipsTheElementAndRecordsItInProduction()
    {
        var (elements, errors) = Open(Entry, throwOnFault: false);
        var read = new List<string>();

        BoundedParse.Run(_ =>
        {
            elements.ForEachChild(read, static (child, read) =>
            {
                if (child.Reader.LocalName == "b")
                {
                    return true; // the bug of issue 8: claimed, but nothing read
                }

                read.Add(child.ReadText());
                return true;
            });
            return 0;
        });

        Assert.Equal(["1", "3"], read);
        Assert.Contains(errors, e => e.Contains("Skipped <b>", StringComparison.Ordinal));
        Assert.True(elements.Reader.EOF || elements.Reader.NodeType == XmlNodeType.None, $"reader left at {elements.Reader.NodeType}");
    }

    [Fact]
    public void ForEachChild_WhenHandlerReadsWithoutClaiming_ReportsItAndDoesNotSkipTheNextSibling()
    {
        var (elements, errors) = Open(Entry, throwOnFault: false);
        var seen = new List<string>();

        elements.ForEachChild(seen, static (child, seen) =>
        {
            seen.Add(child.Reader.LocalName);
            if (child.Reader.LocalName == "a")
            {
                child.ReadText();
                return false;
            }

            return false;
        });

        Assert.Equal(["a", "b", "c"], seen);
        Assert.Contains(errors, e => e.Contains("without claiming it", StringComparison.Ordinal));
    }

    [Fact]
    public void ForEachChild_WhenHandlersKeepTheirWord_RecordsNothing()
    {
        var (elements, errors) = Open(Entry, throwOnFault: true);
        var read = new List<string>();

        elements.ForEachChild(read, static (child, read) =>
        {
            if (child.Reader.LocalName == "b")
            {
                return false;
            }

            read.Add(child.ReadText());
            return true;
        });

        Assert.Equal(["1", "3"], read);
        Assert.Empty(errors);
    }

    [Fact]
    public void Step_WhenBudgetIsSpent_ThrowsBudgetExceeded()
    {
        var guard = new ParseGuard(inputBytes: 0, throwOnFault: false, [], TestContext.Current.CancellationToken);

        for (var i = 0; i < guard.Budget; i++)
        {
            guard.Step();
        }

        Assert.Throws<ParseBudgetExceededException>(guard.Step);
    }

    [Fact]
    public void Step_WhenCancelled_ThrowsWithinOneCheckInterval()
    {
        using var cancel = new CancellationTokenSource();
        var guard = new ParseGuard(inputBytes: 1_000_000, throwOnFault: false, [], cancel.Token);
        cancel.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                guard.Step();
            }
        });
    }

    [Fact]
    public void Budget_GrowsWithTheInput()
    {
        var small = new ParseGuard(1_000, false, [], TestContext.Current.CancellationToken);
        var large = new ParseGuard(1_000_000, false, [], TestContext.Current.CancellationToken);

        Assert.Equal(ParseGuard.StepsPerByte * (1_000_000L - 1_000), large.Budget - small.Budget);
    }

    private static (FeedElementReader Elements, List<string> Errors) Open(string xml, bool throwOnFault)
    {
        var errors = new List<string>();
        var reader = XmlReader.Create(new StringReader(xml));
        reader.MoveToContent();
        var guard = new ParseGuard(xml.Length, throwOnFault, errors, TestContext.Current.CancellationToken);
        return (new FeedElementReader(reader, guard), errors);
    }
}
