using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>
/// A copy-on-write snapshot of keyed state, taken at a checkpoint barrier by
/// <see cref="IKeyedStateBackend{TKey}.BeginSnapshot"/> (the synchronous phase, whose cost does not depend on the
/// number of entries).
/// Protocol: <see cref="WriteToAsync"/> at most once, on any thread, while the owner keeps processing records and
/// changing its state (the asynchronous phase): it writes the state exactly as it was at <c>BeginSnapshot</c>. Then
/// <see cref="IDisposable.Dispose"/> in every outcome (written, failed, abandoned), on the owner's thread (the task's
/// turn): it releases the frozen state, which the backend merges back (cost: the changes made meanwhile). Dispose is
/// idempotent; disposing during a write cancels the write, and the backend merges once the write has stopped (at its
/// next snapshot or release). Until it is disposed, a snapshot keeps the state it froze alive.
/// </summary>
internal interface IKeyedStateSnapshot : IDisposable
{
    /// <summary>The key groups the snapshot writes.</summary>
    KeyGroupRange KeyGroupRange { get; }

    /// <summary>
    /// Serializes the frozen state into <paramref name="output"/> in the key-group-addressable format
    /// (<see cref="KeyedStateSnapshotFormat"/>), writing it asynchronously in pieces, and says where each key group is.
    /// Does its CPU work on the calling thread: call it on the thread pool (e.g. in <c>Task.Run</c>) to keep it off the owner's.
    /// </summary>
    Task<KeyedStateSnapshotInfo> WriteToAsync(Stream output, CancellationToken cancellationToken = default);
}
