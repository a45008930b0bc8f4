using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>What <see cref="KeyedStateSnapshotReader"/> read from a snapshot: its state table and the raw entries of the wanted key groups.</summary>
/// <param name="KeyGroupRange">The key groups the snapshot holds.</param>
/// <param name="States">The snapshot's state table.</param>
/// <param name="Chunks">Per state (parallel to <paramref name="States"/>), its chunks in the key groups read, in key-group order.</param>
internal sealed record ParsedKeyedStateSnapshot(KeyGroupRange KeyGroupRange, SnapshotStateMetadata[] States, List<RestoredStateChunk>[] Chunks);
