using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>
/// The keyed state of one operator in one subtask, organised per key group (invariant 7).
/// Protocol: the task calls <see cref="SetCurrentKey"/> before each record it hands to a keyed function; the function's
/// state handles then read and write that key's values. <see cref="Restore"/> may be called before or after the
/// handles are created. At a checkpoint barrier <see cref="BeginSnapshot"/> captures the state (copy-on-write); the
/// snapshot is written on another thread while records keep changing the state, then disposed.
/// <see cref="IDisposable.Dispose"/> (when the task stops) forgets the snapshots in flight.
/// Not thread-safe: every call comes from the task's processing turn (only a snapshot's write runs elsewhere).
/// </summary>
internal interface IKeyedStateBackend<TKey> : IKeyedStateStore, IDisposable where TKey : notnull
{
    /// <summary>The key groups this backend owns.</summary>
    KeyGroupRange KeyGroupRange { get; }

    /// <summary>The job's max parallelism (number of key groups).</summary>
    int MaxParallelism { get; }

    /// <summary>The key that state handles currently address.</summary>
    TKey CurrentKey { get; }

    /// <summary>The current key's key group (valid once a key is current).</summary>
    int CurrentKeyGroup { get; }

    /// <summary>
    /// Value state the runtime keeps for itself (timers), named with <see cref="InternalStateNames.Prefix"/>, which user
    /// state may not use. It is snapshotted, restored and redistributed like user state.
    /// </summary>
    IValueState<T> GetInternalState<T>(ValueStateDescriptor<T> descriptor);

    /// <summary>Whether state <paramref name="stateName"/> has a handle or was restored from a snapshot.</summary>
    bool HasState(string stateName);

    /// <summary>Makes <paramref name="key"/> current. <paramref name="keyGroup"/> is its key group, which must lie in <see cref="KeyGroupRange"/>.</summary>
    void SetCurrentKey(TKey key, int keyGroup);

    /// <summary>
    /// Makes each key that has a value in state <paramref name="stateName"/> current in turn and calls
    /// <paramref name="action"/> (Flink's <c>applyToAllKeys</c>). The action may read or clear that state, not add keys.
    /// </summary>
    void ApplyToAllKeys(string stateName, Action<TKey> action);

    /// <summary>
    /// The synchronous phase of a snapshot of the key groups of <paramref name="range"/> (intersected with
    /// <see cref="KeyGroupRange"/>): freezes every state as it is now, in time proportional to the number of states, not
    /// of entries. The returned snapshot writes them (<see cref="IKeyedStateSnapshot.WriteToAsync"/>) in the versioned
    /// key-group-addressable format, ending with an offset index; see <see cref="IKeyedStateSnapshot"/> for its protocol.
    /// </summary>
    IKeyedStateSnapshot BeginSnapshot(KeyGroupRange range);

    /// <summary>
    /// Adds to this backend the key groups of <paramref name="range"/> found in a snapshot written by
    /// <see cref="BeginSnapshot"/>, seeking through its offset index so that other key groups are not read.
    /// Throws <see cref="InvalidDataException"/> on a stream that is not a snapshot, has an unknown version, or was
    /// taken with another max parallelism, or (with <paramref name="checksums"/>) whose header or a section read does
    /// not match its recorded checksum; the backend is unchanged then.
    /// </summary>
    void Restore(Stream input, KeyGroupRange range, Checkpointing.StateFileSectionChecksums? checksums = null);
}
