using BotHost.Core.Collecting;
using BotHost.Core.Digests;
using BotHost.Core.Scheduling;

namespace BotHost.Hosting;

/// <summary>The console sink of the offline run: what was collected, then the digest that would be posted.</summary>
public sealed class ConsoleReport(DigestComposer composer, DigestRenderer renderer, TextWriter? output = null) : ICollectionListener
{
    private readonly TextWriter _out = output ?? Console.Out;

    public async Task OnFirstRoundCompletedAsync(IReadOnlyList<CollectionOutcome> outcomes, CancellationToken cancellationToken)
    {
        await _out.WriteLineAsync(CollectionReportText.Render(outcomes));
        var digest = await composer.ComposeAsync(cancellationToken);
        await _out.WriteLineAsync("=== The digest BotHost would post (console sink; configure Discord:Token to post to Discord) ===");
        await _out.WriteLineAsync(renderer.Render(digest, DigestFormat.Text));
        await _out.WriteLineAsync("BotHost keeps collecting on schedule. Press Ctrl+C to stop.");
        await _out.FlushAsync(cancellationToken);
    }
}
