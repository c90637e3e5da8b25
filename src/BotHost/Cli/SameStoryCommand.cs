using System.CommandLine;
using System.Globalization;
using BotHost.Core.Stories;

namespace BotHost.Cli;

/// <summary>`same-story &lt;title-a&gt; &lt;url-a&gt; &lt;title-b&gt; &lt;url-b&gt;`: the pipeline's own same-story method.</summary>
public static class SameStoryCommand
{
    public static Command Create(CliConsole console)
    {
        var titleA = new Argument<string>("title-a");
        var urlA = new Argument<string>("url-a") { Description = "May be an empty string." };
        var titleB = new Argument<string>("title-b");
        var urlB = new Argument<string>("url-b") { Description = "May be an empty string." };
        var command = new Command("same-story", "Print 'same <score>' or 'different <score>' for two items.");
        command.Arguments.Add(titleA);
        command.Arguments.Add(urlA);
        command.Arguments.Add(titleB);
        command.Arguments.Add(urlB);
        command.SetAction(parse =>
        {
            var match = StoryMatcher.Compare(parse.GetValue(titleA)!, Blank(parse.GetValue(urlA)), parse.GetValue(titleB)!, Blank(parse.GetValue(urlB)));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{(match.Same ? "same" : "different")} {match.Score:0.000}"));
            return 0;
        });
        return command;
    }

    private static string? Blank(string? url) => string.IsNullOrWhiteSpace(url) ? null : url;
}
