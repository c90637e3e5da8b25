using System.CommandLine;
using BotHost.Cli.Doctor;

namespace BotHost.Cli;

/// <summary>The command line: `run` (the default) and the operator verbs, all on the same services as the host.</summary>
public static class BotHostCli
{
    public static Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
        => InvokeAsync(args, output, error, settings: null, cancellationToken);

    /// <param name="settings">Configuration overrides for the verbs that read them (invite-url, doctor).</param>
    public static async Task<int> InvokeAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings, CancellationToken cancellationToken)
    {
        var console = new CliConsole(output, error, settings);
        var root = new RootCommand("BotHost: collects developer feeds, merges them into stories and posts daily digests to Discord.");
        var run = RunCommand.Create(console);
        root.Subcommands.Add(run);
        root.Subcommands.Add(InspectFeedCommand.Create(console));
        root.Subcommands.Add(CanonicalizeUrlCommand.Create(console));
        root.Subcommands.Add(SameStoryCommand.Create(console));
        root.Subcommands.Add(SourcesCommand.Create(console));
        root.Subcommands.Add(PreviewCommand.Create(console));
        root.Subcommands.Add(CommandVerb.Create(console));
        root.Subcommands.Add(InviteUrlCommand.Create(console));
        root.Subcommands.Add(DoctorCommand.Create(console));
        root.SetAction((_, ct) => RunCommand.RunAsync(console, ct));

        // The generic host handles Ctrl+C for `run`; the CLI's own handler would race it.
        var invocation = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
