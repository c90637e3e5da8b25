using System.CommandLine;
using BotHost.Core.Stories;

namespace BotHost.Cli;

/// <summary>`canonicalize-url &lt;url&gt;...`: one output line per URL; `-` reads one URL per line from standard input.</summary>
public static class CanonicalizeUrlCommand
{
    public static Command Create(CliConsole console, TextReader? input = null)
    {
        var urls = new Argument<string[]>("url") { Description = "URLs to canonicalize; '-' reads one per line from standard input.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("canonicalize-url", "Print the canonical form of each URL (the rules are in the README).");
        command.Arguments.Add(urls);
        command.SetAction(parse => Run(console, parse.GetValue(urls)!, input ?? Console.In));
        return command;
    }

    private static int Run(CliConsole console, string[] urls, TextReader input)
    {
        var failed = 0;
        foreach (var url in Expand(urls, input))
        {
            if (UrlCanonicalizer.TryCanonicalize(url, out var canonical, out var error))
            {
                console.Out.WriteLine(canonical);
            }
            else
            {
                // Still one line per URL, so outputs line up with inputs.
                console.Out.WriteLine($"error: {error}");
                failed++;
            }
        }

        return failed == 0 ? 0 : 1;
    }

    private static IEnumerable<string> Expand(string[] urls, TextReader input)
    {
        foreach (var url in urls)
        {
            if (url != "-")
            {
                yield return url;
                continue;
            }

            while (input.ReadLine() is { } line)
            {
                if (line.Trim().Length > 0)
                {
                    yield return line.Trim();
                }
            }
        }
    }
}
