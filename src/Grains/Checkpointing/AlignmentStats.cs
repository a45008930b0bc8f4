namespace OrleansFlow.Checkpointing;

/// <summary>What aligning the barrier of one checkpoint cost a task: how long inputs were held back, and how many records waited in memory meanwhile.</summary>
/// <param name="Duration">From the first barrier to the last.</param>
/// <param name="BufferedRecords">Records that arrived on held inputs during the alignment.</param>
internal readonly record struct AlignmentStats(TimeSpan Duration, long BufferedRecords);
