using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>Answers at once with a public message.</summary>
internal sealed class EchoCommand : SlashCommand
{
    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "echo",
        Description = "Repeats the text",
        Options = [new() { Type = ApplicationCommandOptionType.String, Name = "text", Description = "What to repeat", Required = true }],
    };

    public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        => Task.FromResult(CommandResponse.Message("echo: " + context.GetString("text")));
}

/// <summary>Signals when it starts and answers only when the test releases it.</summary>
internal sealed class GatedCommand(bool ephemeral = false) : SlashCommand
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<CommandResponse> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ApplicationCommandDefinition Definition { get; } = new() { Name = "slow", Description = "Takes its time" };

    public override bool Ephemeral => ephemeral;

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        return await Release.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>
/// Holds its thread until released, never yielding, like a handler whose SQLite calls all complete synchronously.
/// The wait is bounded, so a dispatcher that waits for it inline fails its test instead of hanging it.
/// </summary>
internal sealed class ThreadBlockingCommand : SlashCommand, IDisposable
{
    private readonly ManualResetEventSlim _release = new();

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ApplicationCommandDefinition Definition { get; } = new() { Name = "blocking", Description = "Holds its thread" };

    public void Release() => _release.Set();

    public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        return Task.FromResult(CommandResponse.Message(_release.Wait(TimeSpan.FromSeconds(30), cancellationToken) ? "released" : "never released"));
    }

    public void Dispose() => _release.Dispose();
}

/// <summary>Fails like a buggy handler would.</summary>
internal sealed class ThrowingCommand : SlashCommand
{
    public override ApplicationCommandDefinition Definition { get; } = new() { Name = "boom", Description = "Always fails" };

    public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        => throw new InvalidOperationException("database is gone");
}

/// <summary>Suggests 40 topics filtered by the typed text, more than Discord accepts.</summary>
internal sealed class TopicCommand : SlashCommand
{
    public override ApplicationCommandDefinition Definition { get; } = new()
    {
        Name = "topic",
        Description = "Picks a topic",
        Options = [new() { Type = ApplicationCommandOptionType.String, Name = "name", Description = "Topic name", Required = true, Autocomplete = true }],
    };

    public override Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        => Task.FromResult(CommandResponse.Message("topic " + context.GetString("name")));

    public override Task<CommandResponse> AutocompleteAsync(CommandContext context, CancellationToken cancellationToken)
        => Task.FromResult(CommandResponse.Choices(
            Enumerable.Range(1, 40)
                .Select(i => $"{context.FocusedText}-{i}")
                .Select(s => ApplicationCommandOptionChoice.Of(s, s))));
}

/// <summary>Handles "digest:more:*" buttons by updating the clicked message.</summary>
internal sealed class MoreButtonHandler : ComponentHandler
{
    public override string CustomIdPrefix => "digest:more:";

    public override bool UpdatesMessage => true;

    public override Task<CommandResponse> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
        => Task.FromResult(CommandResponse.UpdateMessage("page " + context.CustomId["digest:more:".Length..]));
}

/// <summary>A shorter prefix that must lose to <see cref="MoreButtonHandler"/> for "digest:more:*".</summary>
internal sealed class DigestButtonHandler : ComponentHandler
{
    public override string CustomIdPrefix => "digest:";

    public override Task<CommandResponse> HandleAsync(ComponentContext context, CancellationToken cancellationToken)
        => Task.FromResult(CommandResponse.Message("digest " + context.CustomId, ephemeral: true));
}

/// <summary>Ignores cancellation entirely, like a handler stuck in a call without a token.</summary>
internal sealed class UncooperativeCommand : SlashCommand
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<CommandResponse> Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override ApplicationCommandDefinition Definition { get; } = new() { Name = "stuck", Description = "Never listens" };

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        Started.TrySetResult();
        return await Release.Task;
    }
}
