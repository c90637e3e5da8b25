namespace BotHost.Core.Digests;

/// <summary>
/// What ranking needs besides the stories: when, source weights from the sources file, this channel's curator
/// picks and its net feedback per source.
/// </summary>
public sealed record RankingInputs(
    DateTimeOffset Now,
    IReadOnlyDictionary<string, double> SourceWeights,
    IReadOnlyDictionary<long, DigestPick> Picks,
    IReadOnlyDictionary<string, int> FeedbackBySource);
