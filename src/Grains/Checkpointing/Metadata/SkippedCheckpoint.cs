namespace OrleansFlow.Checkpointing;

/// <summary>A complete checkpoint a restore could not use, and why.</summary>
/// <param name="CheckpointId">The checkpoint's id.</param>
/// <param name="Reason">
/// The file and what is wrong with it, e.g. <c>state file jobs/j/chk-5/sum-1: checksum crc64:… expected crc64:…</c>,
/// <c>state file jobs/j/chk-5/sum-1: missing</c> or <c>_metadata: …parse error…</c>.
/// </param>
internal sealed record SkippedCheckpoint(long CheckpointId, string Reason);
