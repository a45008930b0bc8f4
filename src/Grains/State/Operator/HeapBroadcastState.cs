using System.Buffers;
using System.Buffers.Binary;
using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>A broadcast operator state held on the heap.</summary>
internal sealed class HeapBroadcastState<TKey, TValue>(string name) : IBroadcastState<TKey, TValue>, IOperatorStateEntry where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> _map = [];

    public string Name { get; } = name;

    public OperatorStateMode Mode => OperatorStateMode.Broadcast;

    public Type? KeyType => typeof(TKey);

    public Type ValueType => typeof(TValue);

    public int Count => _map.Count;

    public object Contents => _map;

    public bool TryGetValue(TKey key, out TValue value) => _map.TryGetValue(key, out value!);

    public bool Contains(TKey key) => _map.ContainsKey(key);

    public IEnumerable<KeyValuePair<TKey, TValue>> Entries() => _map;

    public void Put(TKey key, TValue value) => _map[key] = value;

    public bool Remove(TKey key) => _map.Remove(key);

    public void Clear() => _map.Clear();

    public void WritePayload(Serializer serializer, IBufferWriter<byte> output)
    {
        var keys = new ArrayBufferWriter<byte>();
        serializer.Serialize(_map.Keys.ToArray(), keys);
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), keys.WrittenCount);
        output.Advance(4);
        output.Write(keys.WrittenSpan);
        serializer.Serialize(_map.Values.ToArray(), output);
    }

    public void AddRestored(Serializer serializer, ReadOnlyMemory<byte> payload, int skip, int take)
    {
        if (payload.Length < 4) throw new InvalidDataException($"Broadcast state '{Name}' is truncated.");
        var keysLength = BinaryPrimitives.ReadInt32LittleEndian(payload.Span);
        if (keysLength < 0 || keysLength > payload.Length - 4) throw new InvalidDataException($"Broadcast state '{Name}' gives its keys {keysLength} bytes of {payload.Length - 4}.");
        var keys = serializer.Deserialize<TKey[]>(payload.Slice(4, keysLength)) ?? [];
        var values = serializer.Deserialize<TValue[]>(payload[(4 + keysLength)..]) ?? [];
        if (keys.Length != values.Length) throw new InvalidDataException($"Broadcast state '{Name}' has {keys.Length} keys but {values.Length} values.");
        for (var i = 0; i < keys.Length; i++) _map[keys[i]] = values[i];
    }
}
