using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>
/// The keyed state of one operator in one subtask, organised per key group (invariant 7).
/// Protocol: the task calls <see cref="SetCurrentKey"/> before each record it hands to a keyed function; the function's
/// state handles then read and write that key's values. <see cref="Restore"/> may be called before or after the
/// handles are created. Not thread-safe: every call comes from the task's processing turn.
/// </summary>
internal interface IKeyedStateBackend<TKey> : IKeyedStateStore where TKey : notnull
{
    /// <summary>The key groups this backend owns.</summary>
    KeyGroupRange KeyGroupRange { get; }

    /// <summary>The job's max parallelism (number of key groups).</summary>
    int MaxParallelism { get; }

    /// <summary>The key that state handles currently address.</summary>
    TKey CurrentKey { get; }

    /// <summary>Makes <paramref name="key"/> current. <paramref name="keyGroup"/> is its key group, which must lie in <see cref="KeyGroupRange"/>.</summary>
    void SetCurrentKey(TKey key, int keyGroup);

    /// <summary>
    /// Makes each key that has a value in state <paramref name="stateName"/> current in turn and calls
    /// <paramref name="action"/> (Flink's <c>applyToAllKeys</c>). The action may read or clear that state, not add keys.
    /// </summary>
    void ApplyToAllKeys(string stateName, Action<TKey> action);

    /// <summary>
    /// Writes the key groups of <paramref name="range"/> (intersected with <see cref="KeyGroupRange"/>) to
    /// <paramref name="output"/> in the versioned key-group-addressable format, ending with an offset index.
    /// </summary>
    KeyedStateSnapshotInfo Snapshot(KeyGroupRange range, Stream output);

    /// <summary>
    /// Adds to this backend the key groups of <paramref name="range"/> found in a snapshot written by
    /// <see cref="Snapshot"/>, seeking through its offset index so that other key groups are not read.
    /// Throws <see cref="InvalidDataException"/> on a stream that is not a snapshot, has an unknown version, or was
    /// taken with another max parallelism.
    /// </summary>
    void Restore(Stream input, KeyGroupRange range);
}
