using BotHost.Core.Stories;

namespace BotHost.Core.Tests.Stories;

public sealed class StorySearchQueryTests
{
    [Theory]
    [InlineData("sqlite", "\"sqlite\"*", "\"sqlite\"")]
    [InlineData("rust OR go", "\"rust\"* OR \"go\"*", "\"rust\" OR \"go\"")]
    [InlineData("checkpoints NOT sqlite", "\"checkpoints\"* NOT \"sqlite\"*", "\"checkpoints\" NOT \"sqlite\"*")]
    [InlineData("\"write-ahead log\" wal", "\"write ahead log\" \"wal\"*", "\"write ahead log\" \"wal\"")]
    public void TryBuild_ExactVariant_DropsThePrefixOfEveryWordButExcludedOnes(string typed, string expectedMatch, string expectedExact)
    {
        var built = StorySearchQuery.TryBuild(typed, out var match, out var exact, out var error);

        Assert.True(built, error);
        Assert.Equal(expectedMatch, match);
        Assert.Equal(expectedExact, exact);
    }

    [Fact]
    public void Widened_WidensOnlyThePickedWords_WhileAWordAfterNotAlwaysKeepsOutItsLongerForms()
    {
        Assert.True(StorySearchQuery.TryParse("sqlite wal NOT postgres \"write-ahead log\"", out var parts, out var error), error);

        var widenable = StorySearchQuery.WidenableWords(parts);
        var onlyWal = string.Join(' ', StorySearchQuery.Widened(parts, word => word == "\"wal\""));

        Assert.Equal(["\"sqlite\"", "\"wal\""], widenable);
        Assert.Equal("\"sqlite\" \"wal\"* NOT \"postgres\"* \"write ahead log\"", onlyWal);
    }
}
