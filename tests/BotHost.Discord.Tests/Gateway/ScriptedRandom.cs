namespace BotHost.Discord.Tests.Gateway;

/// <summary>A Random whose NextDouble always returns one value, so jittered delays are known in advance.</summary>
internal sealed class ScriptedRandom(double value) : Random
{
    public override double NextDouble() => value;

    protected override double Sample() => value;
}
