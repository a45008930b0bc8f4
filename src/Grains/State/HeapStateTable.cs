using System.Collections;
using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>
/// A <see cref="StateTable{TKey}"/> storing one <typeparamref name="TValue"/> per key in one
/// <see cref="CopyOnWriteStateMap{TKey, TValue}"/> for all key groups of the backend: with no snapshot in flight the
/// per-record path is a single hash lookup with the locality of a plain dictionary, and the key group of a key is
/// computed only when a snapshot or <c>ApplyToAllKeys</c> needs it. Handles hold <see cref="Map"/> directly. Empty
/// collections are never stored.
/// </summary>
internal sealed class HeapStateTable<TKey, TValue> : StateTable<TKey> where TKey : notnull
{
    private readonly Func<TKey, int> _keyGroupIndexOf;
    private readonly int _keyGroupCount;

    /// <summary>
    /// Creates a table for <paramref name="keyGroupCount"/> key groups; <paramref name="keyGroupIndexOf"/> gives a key's
    /// key group minus the backend's first; <paramref name="copyPolicy"/> says how values are kept apart from snapshots.
    /// </summary>
    public HeapStateTable(
        string name, StateKind kind, string signature, int keyGroupCount, Func<TKey, int> keyGroupIndexOf, Func<StateCopyPolicy<TValue>> copyPolicy)
        : base(name, kind, signature)
    {
        _keyGroupIndexOf = keyGroupIndexOf;
        _keyGroupCount = keyGroupCount;
        Map = new CopyOnWriteStateMap<TKey, TValue>(copyPolicy);
    }

    /// <summary>Every entry of the state.</summary>
    public CopyOnWriteStateMap<TKey, TValue> Map { get; }

    /// <summary>
    /// Decoders of chunks stored with another value type, by that type's name: a state with time to live reads values
    /// stored without it and the other way round (<see cref="Ttl.TtlMigrations"/>).
    /// </summary>
    public IReadOnlyDictionary<string, Func<RestoredStateChunk, Serializer, (TKey[] Keys, TValue[] Values)>> Migrations { get; init; } =
        new Dictionary<string, Func<RestoredStateChunk, Serializer, (TKey[], TValue[])>>();

    /// <summary>
    /// Called at each snapshot's synchronous phase; the filter it returns decides, off the owner thread, whether the
    /// snapshot keeps an entry and with what value (time to live's cleanup on full snapshot). Null keeps everything.
    /// </summary>
    public Func<Func<TValue, (bool Keep, TValue Value)>>? SnapshotFilter { get; init; }

    /// <inheritdoc />
    public override string ValueTypeName => KeyedStateSnapshotFormat.FormatTypeName(typeof(TValue));

    /// <inheritdoc />
    public override void PrepareFreeze()
    {
        try
        {
            Map.PrepareFreeze();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"State '{Name}' ({Signature}) cannot be snapshotted: Orleans cannot copy its values: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public override StateTableSnapshot Freeze()
    {
        var view = Map.Freeze();
        return new HeapStateTableSnapshot<TKey, TValue>(view.VisibleEntries(), () => Map.Release(view), _keyGroupIndexOf, _keyGroupCount, Name, SnapshotFilter?.Invoke());
    }

    /// <inheritdoc />
    public override Action PrepareRestore(IEnumerable<RestoredStateChunk> chunks, Serializer serializer, string storedValueTypeName)
    {
        var migrate = storedValueTypeName != ValueTypeName ? Migrations.GetValueOrDefault(storedValueTypeName) : null;
        var decoded = new List<(TKey[] Keys, TValue[] Values)>();
        foreach (var chunk in chunks)
            decoded.Add(migrate is null ? RestoredStateChunkDecoder.Decode<TKey, TValue>(chunk, serializer, Name, Signature) : migrate(chunk, serializer));
        return () =>
        {
            Map.EnsureCapacity(decoded.Sum(d => d.Keys.Length));
            foreach (var (keys, values) in decoded)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    var value = values[i];
                    if (value is null || value is ICollection { Count: 0 }) continue;
                    Map.Set(keys[i], value);
                }
            }
        };
    }

    /// <inheritdoc />
    public override void CollectKeys(List<(TKey Key, int KeyGroupIndex)> keys)
    {
        foreach (var entry in Map.VisibleEntries()) keys.Add((entry.Key, _keyGroupIndexOf(entry.Key)));
    }
}
