using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>
/// One state's part of a keyed-state snapshot, made by <see cref="StateTable{TKey}.Freeze"/>.
/// Protocol: <see cref="GroupByKeyGroup"/> once, then <see cref="WriteKeyGroupAsync"/> per key group in order, on any one
/// thread at a time (the asynchronous phase); <see cref="Release"/> once, on the owner thread, after the writing
/// thread is done with it (or when it never started).
/// </summary>
internal abstract class StateTableSnapshot
{
    /// <summary>Sorts the captured entries of key group indexes [<paramref name="firstIndex"/>, +<paramref name="count"/>) by key group.</summary>
    public abstract void GroupByKeyGroup(int firstIndex, int count, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the entries of key group <paramref name="relativeIndex"/> (counted from the first grouped one) as records of
    /// state <paramref name="stateIndex"/> (none when it has no entries), letting the writer flush between records, and
    /// drops them.
    /// </summary>
    public abstract ValueTask WriteKeyGroupAsync(int relativeIndex, int stateIndex, KeyedStateSnapshotWriter writer, Serializer serializer, CancellationToken cancellationToken);

    /// <summary>Gives the captured layers back to the state (owner thread), which merges what no snapshot reads any more.</summary>
    public abstract void Release();
}
