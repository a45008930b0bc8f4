namespace OrleansFlow.Checkpointing;

/// <summary>
/// Checksums (XXH3, 64 bits) of the parts of a keyed-state file that a restore reads: the header with its state table,
/// and every key group's section. A task that restores some key groups verifies exactly what it reads, so a restore
/// need not read whole files ahead to verify them (the file's own checksum, <see cref="StateHandle.Checksum"/>, covers
/// every byte and is what a full verification uses).
/// </summary>
/// <param name="Header">The checksum of the header and state table (the bytes before the first section).</param>
/// <param name="KeyGroups">Per key group of the file's range in order, the checksum of its section.</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.StateFileSectionChecksums")]
public sealed record StateFileSectionChecksums(
    [property: Id(0)] ulong Header,
    [property: Id(1)] IReadOnlyList<ulong> KeyGroups);
