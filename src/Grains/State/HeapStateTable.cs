using System.Buffers;
using System.Collections;
using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>
/// A <see cref="StateTable{TKey}"/> storing one <typeparamref name="TValue"/> per key in one dictionary for all key
/// groups of the backend: the per-record path is a single hash lookup with the locality of a plain dictionary, and the
/// key group of a key is computed only when a snapshot or <c>ApplyToAllKeys</c> needs it. Handles hold
/// <see cref="Map"/> directly. Empty collections are never stored.
/// </summary>
internal sealed class HeapStateTable<TKey, TValue> : StateTable<TKey> where TKey : notnull
{
    private readonly Func<TKey, int> _keyGroupIndexOf;
    private readonly int _keyGroupCount;
    private List<KeyValuePair<TKey, TValue>>?[]? _snapshotGroups;

    /// <summary>Creates a table for <paramref name="keyGroupCount"/> key groups; <paramref name="keyGroupIndexOf"/> gives a key's key group minus the backend's first.</summary>
    public HeapStateTable(string name, StateKind kind, string signature, int keyGroupCount, Func<TKey, int> keyGroupIndexOf) : base(name, kind, signature)
    {
        _keyGroupIndexOf = keyGroupIndexOf;
        _keyGroupCount = keyGroupCount;
    }

    /// <summary>Every entry of the state.</summary>
    public Dictionary<TKey, TValue> Map { get; } = [];

    /// <inheritdoc />
    public override string ValueTypeName => KeyedStateSnapshotFormat.FormatTypeName(typeof(TValue));

    /// <inheritdoc />
    public override void BeginSnapshot()
    {
        var groups = new List<KeyValuePair<TKey, TValue>>?[_keyGroupCount];
        foreach (var entry in Map)
        {
            var index = _keyGroupIndexOf(entry.Key);
            if ((uint)index >= (uint)groups.Length)
                throw new InvalidOperationException(
                    $"State '{Name}' holds key '{entry.Key}' whose key group is not this subtask's: the key selector is not deterministic.");
            (groups[index] ??= []).Add(entry);
        }
        _snapshotGroups = groups;
    }

    /// <inheritdoc />
    public override void EndSnapshot() => _snapshotGroups = null;

    /// <inheritdoc />
    public override bool SerializeKeyGroup(int keyGroupIndex, Serializer serializer, ArrayBufferWriter<byte> keys, ArrayBufferWriter<byte> values, out int entryCount)
    {
        var group = (_snapshotGroups ?? throw new InvalidOperationException("BeginSnapshot was not called."))[keyGroupIndex];
        entryCount = group?.Count ?? 0;
        if (group is null || entryCount == 0) return false;
        var keyArray = new TKey[entryCount];
        var valueArray = new TValue[entryCount];
        for (var i = 0; i < entryCount; i++)
        {
            keyArray[i] = group[i].Key;
            valueArray[i] = group[i].Value;
        }
        serializer.Serialize(keyArray, keys);
        serializer.Serialize(valueArray, values);
        return true;
    }

    /// <inheritdoc />
    public override Action PrepareRestore(IEnumerable<RestoredStateChunk> chunks, int firstKeyGroup, Serializer serializer)
    {
        var decoded = new List<(TKey[] Keys, TValue[] Values)>();
        foreach (var chunk in chunks)
        {
            TKey[]? keys;
            TValue[]? values;
            try
            {
                keys = serializer.Deserialize<TKey[]>(chunk.Keys);
                values = serializer.Deserialize<TValue[]>(chunk.Values);
            }
            catch (Exception ex)
            {
                throw new InvalidDataException(
                    $"State '{Name}' in key group {chunk.KeyGroup} of the snapshot cannot be read as {Signature} with key type {KeyedStateSnapshotFormat.FormatTypeName(typeof(TKey))}: {ex.Message}", ex);
            }
            if (keys is null || values is null || keys.Length != chunk.EntryCount || values.Length != chunk.EntryCount)
                throw new InvalidDataException($"State '{Name}' in key group {chunk.KeyGroup} of the snapshot is corrupt: expected {chunk.EntryCount} entries.");
            decoded.Add((keys, values));
        }
        return () =>
        {
            Map.EnsureCapacity(Map.Count + decoded.Sum(d => d.Keys.Length));
            foreach (var (keys, values) in decoded)
            {
                for (var i = 0; i < keys.Length; i++)
                {
                    var value = values[i];
                    if (value is null || value is ICollection { Count: 0 }) continue;
                    Map[keys[i]] = value;
                }
            }
        };
    }

    /// <inheritdoc />
    public override void CollectKeys(List<(TKey Key, int KeyGroupIndex)> keys)
    {
        foreach (var key in Map.Keys) keys.Add((key, _keyGroupIndexOf(key)));
    }
}
