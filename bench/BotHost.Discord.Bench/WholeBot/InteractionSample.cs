namespace BotHost.Discord.Bench.WholeBot;

/// <summary>One interaction's timings and the start of the answer's text (to tell hits from "no stories match").</summary>
internal sealed record InteractionSample(string Command, double AckMs, double FinalMs, bool Deferred, string Answer);
