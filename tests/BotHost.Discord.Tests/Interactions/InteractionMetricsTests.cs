using System.Diagnostics.Metrics;
using BotHost.Discord.Interactions;
using BotHost.Discord.Interactions.Commands;
using BotHost.Discord.Interactions.Models;
using BotHost.Testing.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace BotHost.Discord.Tests.Interactions;

public sealed class InteractionMetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Acknowledgement_RecordsTheWaitOnTheClock_AndWhetherItWasADeferral()
    {
        await using var rig = await InteractionTestRig.StartAsync();
        await using var services = new ServiceCollection().AddMetrics().AddSingleton<InteractionMetrics>().BuildServiceProvider();
        using var recorder = new MeasurementRecorder(InteractionMetrics.MeterName, services.GetRequiredService<IMeterFactory>());
        var slow = new GatedCommand();
        var dispatcher = rig.CreateDispatcher([new EchoCommand(), slow], metrics: services.GetRequiredService<InteractionMetrics>());
        var fast = rig.Issue(InteractionBuilder.Command("echo", InteractionBuilder.Option("text", ApplicationCommandOptionType.String, "hi")));
        var late = rig.Issue(InteractionBuilder.Command("slow"));

        await dispatcher.DispatchAsync(fast, Ct).WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        var dispatch = dispatcher.DispatchAsync(late, Ct);
        await slow.Started.Task.WaitAsync(InteractionTestRig.SignalTimeout, Ct);
        rig.Time.Advance(TimeSpan.FromSeconds(2));
        await rig.WaitForAsync(BotHost.Testing.FakeDiscord.FakeInteractionRoute.Callback, late.Id);
        slow.Release.SetResult(CommandResponse.Message("done"));
        await dispatch.WaitAsync(InteractionTestRig.SignalTimeout, Ct);

        var acks = recorder.Of("bothost.discord.interactions.ack.duration");
        Assert.Equal(2, acks.Count);
        Assert.Equal((0.0, false), (acks[0].Value, (bool)acks[0].Tags["deferred"]!));
        Assert.Equal((2.0, true), (acks[1].Value, (bool)acks[1].Tags["deferred"]!));
        Assert.All(acks, a => Assert.Equal("command", a.Tags["type"]));
    }
}
