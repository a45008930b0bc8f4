using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>Decodes one state's keys and values of one key group of a snapshot (restore and savepoint reads share it).</summary>
internal static class RestoredStateChunkDecoder
{
    /// <summary>
    /// The chunk's keys and values as <typeparamref name="TKey"/>[] and <typeparamref name="TValue"/>[]. Throws
    /// <see cref="InvalidDataException"/> naming the state, the key group and <paramref name="readAs"/> (what the caller
    /// reads it as) when the bytes cannot be read as those types or hold another number of entries.
    /// </summary>
    public static (TKey[] Keys, TValue[] Values) Decode<TKey, TValue>(RestoredStateChunk chunk, Serializer serializer, string stateName, string readAs)
    {
        TKey[]? keys;
        TValue[]? values;
        try
        {
            keys = serializer.Deserialize<TKey[]>(chunk.Keys);
            values = serializer.Deserialize<TValue[]>(chunk.Values);
        }
        catch (Exception e)
        {
            throw new InvalidDataException(
                $"State '{stateName}' in key group {chunk.KeyGroup} of the snapshot cannot be read as {readAs} with key type {KeyedStateSnapshotFormat.FormatTypeName(typeof(TKey))}: {e.Message}", e);
        }
        if (keys is null || values is null || keys.Length != chunk.EntryCount || values.Length != chunk.EntryCount)
            throw new InvalidDataException($"State '{stateName}' in key group {chunk.KeyGroup} of the snapshot is corrupt: expected {chunk.EntryCount} entries.");
        return (keys, values);
    }
}
