namespace BotHost.Core.Tests.Feeds.Fetching;

/// <summary>Tests in this collection run alone: they measure process-wide allocations, which parallel tests would inflate.</summary>
[CollectionDefinition(nameof(AllocationSensitiveCollection), DisableParallelization = true)]
public sealed class AllocationSensitiveCollection;
