using System.Buffers;
using System.Collections;
using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>
/// A <see cref="StateTable{TKey}"/> storing one <typeparamref name="TValue"/> per key in a dictionary per key group
/// (created lazily). Handles hold <see cref="Tables"/> directly. Empty collections are never stored.
/// </summary>
internal sealed class HeapStateTable<TKey, TValue> : StateTable<TKey> where TKey : notnull
{
    /// <summary>Creates a table for <paramref name="keyGroupCount"/> key groups.</summary>
    public HeapStateTable(string name, StateKind kind, string signature, int keyGroupCount) : base(name, kind, signature) =>
        Tables = new Dictionary<TKey, TValue>?[keyGroupCount];

    /// <summary>Per key group index (key group minus the first key group of the backend), its entries or null.</summary>
    public Dictionary<TKey, TValue>?[] Tables { get; }

    /// <inheritdoc />
    public override string ValueTypeName => KeyedStateSnapshotFormat.FormatTypeName(typeof(TValue));

    /// <inheritdoc />
    public override bool SerializeKeyGroup(int keyGroupIndex, Serializer serializer, ArrayBufferWriter<byte> keys, ArrayBufferWriter<byte> values, out int entryCount)
    {
        var table = Tables[keyGroupIndex];
        entryCount = table?.Count ?? 0;
        if (table is null || entryCount == 0) return false;
        var keyArray = new TKey[entryCount];
        var valueArray = new TValue[entryCount];
        var i = 0;
        foreach (var (key, value) in table)
        {
            keyArray[i] = key;
            valueArray[i] = value;
            i++;
        }
        serializer.Serialize(keyArray, keys);
        serializer.Serialize(valueArray, values);
        return true;
    }

    /// <inheritdoc />
    public override Action PrepareRestore(IEnumerable<RestoredStateChunk> chunks, int firstKeyGroup, Serializer serializer)
    {
        var decoded = new List<(int Index, TKey[] Keys, TValue[] Values)>();
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
            decoded.Add((chunk.KeyGroup - firstKeyGroup, keys, values));
        }
        return () =>
        {
            foreach (var (index, keys, values) in decoded)
            {
                var table = Tables[index] ??= new Dictionary<TKey, TValue>(keys.Length);
                for (var i = 0; i < keys.Length; i++)
                {
                    var value = values[i];
                    if (value is null || value is ICollection { Count: 0 }) continue;
                    table[keys[i]] = value;
                }
            }
        };
    }

    /// <inheritdoc />
    public override void CollectKeys(List<(TKey Key, int KeyGroupIndex)> keys)
    {
        for (var index = 0; index < Tables.Length; index++)
        {
            var table = Tables[index];
            if (table is null) continue;
            foreach (var key in table.Keys) keys.Add((key, index));
        }
    }
}
