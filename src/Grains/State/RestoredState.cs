namespace OrleansFlow.State;

/// <summary>
/// A state found in a restored snapshot whose handle was not asked for yet: its still serialized entries per key
/// group, kept until the handle's types are known (then deserialized) or written back as-is by the next snapshot.
/// </summary>
internal sealed class RestoredState
{
    /// <summary>Creates an empty restored state for a backend of <paramref name="keyGroupCount"/> key groups.</summary>
    public RestoredState(SnapshotStateMetadata metadata, int keyGroupCount)
    {
        Metadata = metadata;
        ChunksByKeyGroup = new List<RestoredStateChunk>?[keyGroupCount];
    }

    /// <summary>The state's entry in the snapshot it came from.</summary>
    public SnapshotStateMetadata Metadata { get; }

    /// <summary>Per key group index, the chunks restored into it in order (later ones win on equal keys).</summary>
    public List<RestoredStateChunk>?[] ChunksByKeyGroup { get; }

    /// <summary>Adds a chunk of key group index <paramref name="keyGroupIndex"/>.</summary>
    public void Add(int keyGroupIndex, RestoredStateChunk chunk) => (ChunksByKeyGroup[keyGroupIndex] ??= []).Add(chunk);

    /// <summary>Every chunk, in key-group order.</summary>
    public IEnumerable<RestoredStateChunk> AllChunks()
    {
        foreach (var chunks in ChunksByKeyGroup)
        {
            if (chunks is null) continue;
            foreach (var chunk in chunks) yield return chunk;
        }
    }
}
