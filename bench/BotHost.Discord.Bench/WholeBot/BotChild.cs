using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;

namespace BotHost.Discord.Bench.WholeBot;

/// <summary>
/// This benchmark's own executable started again as <c>bot</c> (<see cref="BotProcess"/>): configuration through the
/// environment, report lines ("step key=value ...") read from its stdout, its stderr passed through to ours.
/// </summary>
internal sealed class BotChild : IAsyncDisposable
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromMinutes(15);
    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    private BotChild(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _lines.Writer.TryComplete();
            }
            else
            {
                _lines.Writer.TryWrite(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine("  bot: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public static BotChild Start(string repositoryRoot, TimeSpan clockOffset, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            WorkingDirectory = repositoryRoot,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BotChild).Assembly.Location);
        }

        start.ArgumentList.Add("bot");
        start.ArgumentList.Add("--offset-ms");
        start.ArgumentList.Add(((long)clockOffset.TotalMilliseconds).ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return new BotChild(Process.Start(start) ?? throw new InvalidOperationException("could not start the bot process"));
    }

    /// <summary>Waits for the report line of <paramref name="step"/> and returns its key=value pairs.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ExpectAsync(string step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StepTimeout);
        while (await _lines.Reader.WaitToReadAsync(timeout.Token))
        {
            var line = await _lines.Reader.ReadAsync(timeout.Token);
            Console.WriteLine("  bot: " + line);
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0 && words[0] == step)
            {
                return words.Skip(1).Select(w => w.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
            }
        }

        throw new InvalidOperationException($"the bot process ended (exit code {(_process.HasExited ? _process.ExitCode : -1)}) before reporting '{step}'");
    }

    public async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteLineAsync(line);
        await _process.StandardInput.FlushAsync();
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken) => _process.WaitForExitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
