namespace BotHost.Discord.Bench.WholeBot;

/// <summary>The timed interactions of a run (percentiles in ms; optionally of one command) and the one-at-a-time warm-up.</summary>
internal sealed record InteractionMeasure(IReadOnlyList<InteractionSample> Samples, IReadOnlyList<double> OneAtATimeAckMs)
{
    /// <summary>The median ack of the warm-up requests sent one at a time: what one interaction costs without a queue.</summary>
    public double OneAtATimeMedian => Percentiles.Of([.. OneAtATimeAckMs.Skip(1)], 50);

    public double Ack(double percentile, string? command = null) => Percentiles.Of(Select(command, s => s.AckMs), percentile);

    public double Final(double percentile, string? command = null) => Percentiles.Of(Select(command, s => s.FinalMs), percentile);

    /// <summary>The slowest acknowledgement of each round, in order: shows whether a slow tail is one round (a pause) or all.</summary>
    public IReadOnlyList<double> SlowestAckPerRound(int concurrency) => [.. Samples.Chunk(concurrency).Select(round => round.Max(s => s.AckMs))];

    public int Deferred => Samples.Count(s => s.Deferred);

    public int Failed => Samples.Count(s => double.IsNaN(s.FinalMs));

    public int SearchesWithoutMatch => Samples.Count(s => s.Command == "search" && s.Answer.StartsWith("No stories match", StringComparison.Ordinal));

    private List<double> Select(string? command, Func<InteractionSample, double> value)
        => [.. Samples.Where(s => command is null || s.Command == command).Select(value).Where(v => !double.IsNaN(v))];
}
