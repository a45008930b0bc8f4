using OrleansFlow.State;

namespace OrleansFlow.Checkpointing;

/// <summary>What <see cref="StateFileWriter"/> wrote: where each key group is, and the file's checksum.</summary>
/// <param name="Info">The snapshot's key groups, their offsets and lengths, and its size.</param>
/// <param name="Checksum">The file's checksum (<see cref="StateFileChecksum"/>).</param>
internal sealed record WrittenStateFile(KeyedStateSnapshotInfo Info, string Checksum);
