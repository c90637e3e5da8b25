using System.Threading.Channels;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;

namespace BotHost.Discord.Tests.Interactions;

/// <summary>Each invocation waits on its own gate, handed to the test when it starts; counts how many run at once.</summary>
internal sealed class HeldCommand(bool ephemeral) : SlashCommand
{
    private int _running;
    private int _mostRunning;

    public Channel<TaskCompletionSource<CommandResponse>> Started { get; } = Channel.CreateUnbounded<TaskCompletionSource<CommandResponse>>();

    public int MostRunning => Volatile.Read(ref _mostRunning);

    public override ApplicationCommandDefinition Definition { get; } = new() { Name = "held", Description = "Waits for the test" };

    public override bool Ephemeral => ephemeral;

    public override async Task<CommandResponse> HandleAsync(CommandContext context, CancellationToken cancellationToken)
    {
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _mostRunning, running);
        var gate = new TaskCompletionSource<CommandResponse>(TaskCreationOptions.RunContinuationsAsynchronously);
        Started.Writer.TryWrite(gate);
        try
        {
            return await gate.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var seen = Volatile.Read(ref target);
        while (value > seen && Interlocked.CompareExchange(ref target, value, seen) is var actual && actual != seen)
        {
            seen = actual;
        }
    }
}
