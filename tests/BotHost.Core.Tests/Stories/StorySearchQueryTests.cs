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
}
