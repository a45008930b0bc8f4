using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>What a snapshot wrote: its key groups, each one's offset, length and checksum in the stream, and the total size.</summary>
/// <param name="KeyGroupRange">The key groups written.</param>
/// <param name="Offsets">Per key group in order, the offset of its section from the start of the snapshot.</param>
/// <param name="Lengths">Per key group in order, the length in bytes of its section.</param>
/// <param name="TotalBytes">The snapshot's length in bytes.</param>
/// <param name="SectionChecksums">The checksums of the header and of every key group's section.</param>
internal sealed record KeyedStateSnapshotInfo(KeyGroupRange KeyGroupRange, long[] Offsets, long[] Lengths, long TotalBytes, StateFileSectionChecksums SectionChecksums);
