using OrleansFlow.KeyGroups;

namespace OrleansFlow.Tasks;

/// <summary>One state file a task reads on restore.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskRestoreFile")]
public sealed record TaskRestoreFile(
    [property: Id(0)] string OperatorUid,
    [property: Id(1)] string Path,
    [property: Id(2)] KeyGroupRange KeyGroups);
