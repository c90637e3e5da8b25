using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using BotHost.Tests.Hosting;

namespace BotHost.Tests.Operations;

/// <summary>
/// packaging/bothost.service says Type=notify: the real executable, started the way systemd starts it (its parent
/// process is named "systemd", NOTIFY_SOCKET names a datagram socket), reports READY=1 once started and STOPPING=1
/// on SIGTERM, and exits 0, logging in the journal's format unless JSON logs were chosen.
/// </summary>
public sealed class SystemdServiceTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bothost-tests", Guid.NewGuid().ToString("N"));

    public SystemdServiceTests() => Directory.CreateDirectory(_directory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="formatter">Logging:Console:FormatterName; unset, the journal's format is used.</param>
    [Theory]
    [InlineData(null)]
    [InlineData("json")]
    public async Task Run_AsANotifyService_ReportsReadyThenStoppingOnSigterm_AndExitsZero(string? formatter)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() && File.Exists("/bin/sh"), "systemd's parent check and SIGTERM are Linux's.");
        using var notifications = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        var socketPath = Path.Combine(_directory, "notify.sock");
        notifications.Bind(new UnixDomainSocketEndPoint(socketPath));
        var pidFile = Path.Combine(_directory, "bothost.pid");
        var environment = new Dictionary<string, string>
        {
            ["Storage__DatabasePath"] = Path.Combine(_directory, "bothost.db"),
            ["NOTIFY_SOCKET"] = socketPath,
            ["BOTHOST_PIDFILE"] = pidFile,
        };
        if (formatter is not null)
        {
            environment["Logging__Console__FormatterName"] = formatter;
        }

        using var systemd = Process.Start(AsSystemdChild(environment))!;
        var output = systemd.StandardOutput.ReadToEndAsync(Ct);
        var errors = systemd.StandardError.ReadToEndAsync(Ct);

        try
        {
            var ready = await ReceiveAsync(notifications);
            Assert.True(BotHostProcess.Terminate(int.Parse(await File.ReadAllTextAsync(pidFile, Ct), System.Globalization.CultureInfo.InvariantCulture)));
            var stopping = await ReceiveAsync(notifications);
            await systemd.WaitForExitAsync(Ct).WaitAsync(Bound, Ct);

            Assert.Equal("READY=1", ready);
            Assert.Equal("STOPPING=1", stopping);
            Assert.True(systemd.ExitCode == 0, $"exit {systemd.ExitCode}: {await errors}");
            AssertLogFormat(formatter, await output);
        }
        finally
        {
            if (!systemd.HasExited)
            {
                systemd.Kill(entireProcessTree: true);
            }
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>Under systemd the console writes the journal's format (a &lt;priority&gt; prefix); a chosen formatter still wins.</summary>
    private static void AssertLogFormat(string? formatter, string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.NotEmpty(lines);
        if (formatter is null)
        {
            Assert.Contains(lines, l => l.StartsWith("<6>BotHost.", StringComparison.Ordinal));
            return;
        }

        // The offline run also prints its digest on stdout as text; every log line is a JSON object.
        Assert.DoesNotContain(lines, l => l is ['<', >= '0' and <= '7', '>', ..] || l.StartsWith("info:", StringComparison.Ordinal));
        var categories = lines.Where(l => l.StartsWith('{')).Select(line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("EventId", out _), line);
            return entry.RootElement.GetProperty("Category").GetString();
        }).ToList();
        Assert.Contains(categories, c => c?.StartsWith("BotHost.", StringComparison.Ordinal) == true);
    }

    /// <summary>
    /// Microsoft.Extensions.Hosting.Systemd recognises a service by its parent's name, so the bot is started by a copy
    /// of sh named "systemd" that writes the bot's pid for the test's SIGTERM and passes on its exit code.
    /// </summary>
    private ProcessStartInfo AsSystemdChild(Dictionary<string, string> environment)
    {
        var shell = Path.Combine(_directory, "systemd");
        File.Copy("/bin/sh", shell);
        var bot = BotHostProcess.StartInfo(environment, "run");
        var start = new ProcessStartInfo(shell)
        {
            WorkingDirectory = bot.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-c", "\"$0\" \"$@\" & echo $! > \"$BOTHOST_PIDFILE\"; wait $!", bot.FileName, .. bot.ArgumentList])
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in bot.Environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static async Task<string> ReceiveAsync(Socket socket)
    {
        var buffer = new byte[256];
        var length = await socket.ReceiveAsync(buffer, SocketFlags.None, Ct).AsTask().WaitAsync(Bound, Ct);
        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
