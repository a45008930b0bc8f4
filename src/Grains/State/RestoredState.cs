using Orleans.Serialization;

namespace OrleansFlow.State;

/// <summary>
/// A state found in a restored snapshot whose handle was not asked for yet: its still serialized entries per key
/// group, kept until the handle's types are known (then deserialized) or written back as-is by the next snapshot.
/// Immutable (a restore makes a new one), so a snapshot in flight can keep writing the one it captured.
/// </summary>
internal sealed class RestoredState
{
    private RestoredState(SnapshotStateMetadata metadata, IReadOnlyList<RestoredStateChunk>?[] chunksByKeyGroup)
    {
        Metadata = metadata;
        ChunksByKeyGroup = chunksByKeyGroup;
    }

    /// <summary>The state's entry in the snapshot it came from.</summary>
    public SnapshotStateMetadata Metadata { get; }

    /// <summary>Per key group index, the chunks restored into it in order (later ones win on equal keys).</summary>
    public IReadOnlyList<IReadOnlyList<RestoredStateChunk>?> ChunksByKeyGroup { get; }

    /// <summary>An empty restored state for a backend of <paramref name="keyGroupCount"/> key groups.</summary>
    public static RestoredState Empty(SnapshotStateMetadata metadata, int keyGroupCount) => new(metadata, new IReadOnlyList<RestoredStateChunk>?[keyGroupCount]);

    /// <summary>This state with <paramref name="chunks"/> added after its own; <paramref name="firstKeyGroup"/> is the backend's first key group.</summary>
    public RestoredState WithChunks(IEnumerable<RestoredStateChunk> chunks, int firstKeyGroup)
    {
        var byKeyGroup = ChunksByKeyGroup.ToArray();
        foreach (var chunk in chunks)
        {
            var index = chunk.KeyGroup - firstKeyGroup;
            byKeyGroup[index] = [.. byKeyGroup[index] ?? [], chunk];
        }
        return new RestoredState(Metadata, byKeyGroup);
    }

    /// <summary>Every chunk, in key-group order.</summary>
    public IEnumerable<RestoredStateChunk> AllChunks()
    {
        foreach (var chunks in ChunksByKeyGroup)
        {
            if (chunks is null) continue;
            foreach (var chunk in chunks) yield return chunk;
        }
    }

    /// <summary>Appends every key (deserialized as <typeparamref name="TKey"/>) once, with its key group index.</summary>
    public void CollectKeys<TKey>(Serializer serializer, List<(TKey Key, int KeyGroupIndex)> keys) where TKey : notnull
    {
        HashSet<TKey>? seen = null;
        for (var index = 0; index < ChunksByKeyGroup.Count; index++)
        {
            var chunks = ChunksByKeyGroup[index];
            if (chunks is null) continue;
            seen?.Clear();
            foreach (var chunk in chunks)
            {
                var chunkKeys = ReadKeys<TKey>(serializer, chunk);
                if (chunks.Count == 1)
                {
                    foreach (var key in chunkKeys) keys.Add((key, index));
                    continue;
                }
                seen ??= [];
                foreach (var key in chunkKeys)
                {
                    if (seen.Add(key)) keys.Add((key, index));
                }
            }
        }
    }

    private TKey[] ReadKeys<TKey>(Serializer serializer, RestoredStateChunk chunk)
    {
        TKey[]? keys;
        try
        {
            keys = serializer.Deserialize<TKey[]>(chunk.Keys);
        }
        catch (Exception ex)
        {
            throw new InvalidDataException(
                $"The keys of state '{Metadata.Name}' in key group {chunk.KeyGroup} cannot be read as {KeyedStateSnapshotFormat.FormatTypeName(typeof(TKey))}: {ex.Message}", ex);
        }
        return keys ?? throw new InvalidDataException($"The keys of state '{Metadata.Name}' in key group {chunk.KeyGroup} are missing.");
    }
}
