using BotHost.Cli;

namespace BotHost.Tests.Cli;

/// <summary>Runs the CLI in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(settings: null, args);

    /// <param name="settings">Configuration overrides, as the verbs that take them read them (e.g. a fake Discord's URL and token).</param>
    public static async Task<Result> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await BotHostCli.InvokeAsync(args, output, error, settings, TestContext.Current.CancellationToken);
        return new Result(code, output.ToString(), error.ToString());
    }
}
