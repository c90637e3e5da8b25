namespace BotHost.Hosting;

/// <summary>The mode the process runs in, decided once from configuration.</summary>
public sealed record RunModeInfo(RunMode Mode);
