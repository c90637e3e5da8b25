using BotHost.Core.Digests;

namespace BotHost.Core.Tests.Digests;

public sealed class ChatTextTests
{
    [Theory]
    [InlineData("@everyone hi", "\\@everyone hi")]
    [InlineData("**bold** [x](y)", "\\*\\*bold\\*\\* \\[x\\]\\(y\\)")]
    [InlineData("- list", "\\- list")]
    [InlineData("server-side", "server-side")]
    [InlineData("two\nlines", "two lines")]
    public void Escape_NeutralisesFormattingMentionsAndLineStarts(string text, string expected) => Assert.Equal(expected, ChatText.Escape(text));

    [Fact]
    public void Cut_NeverSplitsASurrogatePairOrAnEmojiSequence()
    {
        var text = string.Concat(Enumerable.Repeat("👨‍👩‍👧", 20));

        for (var max = 2; max < 60; max++)
        {
            var cut = ChatText.Cut(text, max);

            Assert.True(cut.Length <= max);
            Assert.EndsWith(ChatText.Ellipsis, cut, StringComparison.Ordinal);
            Assert.Equal(0, (cut.Length - 1) % "👨‍👩‍👧".Length);
        }
    }

    [Fact]
    public void Cut_NeverLeavesADanglingEscape()
    {
        var escaped = ChatText.Escape(new string('*', 50));

        for (var max = 2; max < 40; max++)
        {
            var cut = ChatText.Cut(escaped, max)[..^1];

            Assert.Equal(0, cut.Length % 2);
            Assert.True(cut.Length == 0 || cut.EndsWith("\\*", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Cut_PrefersAWordBoundaryNearTheEnd()
    {
        Assert.Equal("alpha beta…", ChatText.Cut("alpha beta gamma delta", 13));
    }
}
