using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>
/// The entries of one named keyed state in a <see cref="HeapKeyedStateBackend{TKey}"/>, with the type-independent
/// operations the backend needs for snapshots, restores and <c>ApplyToAllKeys</c>. Owner thread only.
/// </summary>
internal abstract class StateTable<TKey> where TKey : notnull
{
    /// <summary>Creates a table.</summary>
    protected StateTable(string name, StateKind kind, string signature)
    {
        Name = name;
        Kind = kind;
        Signature = signature;
    }

    /// <summary>The state's name.</summary>
    public string Name { get; }

    /// <summary>The state's kind.</summary>
    public StateKind Kind { get; }

    /// <summary>The state's kind and type arguments as requested, e.g. <c>ValueState&lt;System.Int64&gt;</c>.</summary>
    public string Signature { get; }

    /// <summary>The handle handed out for this state.</summary>
    public IState Handle { get; set; } = null!;

    /// <summary>The stored value type, written into snapshots for information.</summary>
    public abstract string ValueTypeName { get; }

    /// <summary>Does what <see cref="Freeze"/> needs that can fail, so that a snapshot freezes every table or none.</summary>
    public abstract void PrepareFreeze();

    /// <summary>The synchronous phase of a snapshot, independent of the number of entries: captures the state as it is now.</summary>
    public abstract StateTableSnapshot Freeze();

    /// <summary>
    /// Deserializes <paramref name="chunks"/> now (throwing <see cref="InvalidDataException"/> on bad data, with no
    /// change) and returns the action that adds them to the table.
    /// </summary>
    /// <param name="chunks">The state's chunks.</param>
    /// <param name="serializer">Orleans' serializer.</param>
    /// <param name="storedValueTypeName">The value type the snapshot stored (its state table's); another than this
    /// table's is read through a migration when one is registered (time to live turned on or off), else fails.</param>
    public abstract Action PrepareRestore(IEnumerable<RestoredStateChunk> chunks, Serializer serializer, string storedValueTypeName);

    /// <summary>Appends every key with its key group index.</summary>
    public abstract void CollectKeys(List<(TKey Key, int KeyGroupIndex)> keys);
}
