namespace OrleansFlow.State.Sliced;

/// <summary>
/// One slice of a <see cref="SlicedStateTable{TKey, TAcc}"/>: each key's accumulator in it, and how many snapshots in
/// flight captured it. A captured slice never changes: the first write after a capture goes to a copy.
/// </summary>
internal sealed class SliceMap<TKey, TAcc>(Dictionary<TKey, SliceEntry<TAcc>> entries) where TKey : notnull
{
    /// <summary>Each key's accumulator and key group.</summary>
    public Dictionary<TKey, SliceEntry<TAcc>> Entries { get; } = entries;

    /// <summary>Snapshots in flight that captured this slice (owner thread).</summary>
    public int Captures { get; set; }
}
