using OrleansFlow.KeyGroups;

namespace OrleansFlow.Tasks;

/// <summary>
/// One state file a task reads on restore; with <paramref name="SectionChecksums"/>, the task verifies the header and
/// every section it reads (a mismatch fails the restore, naming the file and key group).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskRestoreFile")]
public sealed record TaskRestoreFile(
    [property: Id(0)] string OperatorUid,
    [property: Id(1)] string Path,
    [property: Id(2)] KeyGroupRange KeyGroups,
    [property: Id(3)] Checkpointing.StateFileSectionChecksums? SectionChecksums = null);
