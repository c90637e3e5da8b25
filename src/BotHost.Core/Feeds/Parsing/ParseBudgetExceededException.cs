namespace BotHost.Core.Feeds.Parsing;

/// <summary>A parse spent every step its input size allows: some reading loop stopped advancing.</summary>
internal sealed class ParseBudgetExceededException(long budget)
    : ParserFaultException($"The parse stopped after {budget} reading steps, more than a document of this size can need (a parser fault).");
