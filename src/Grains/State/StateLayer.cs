namespace OrleansFlow.State;

/// <summary>
/// One layer of a <see cref="CopyOnWriteStateMap{TKey, TValue}"/>: the entries written while it was the top layer and,
/// above the base, the keys removed then (tombstones, which hide the entries of the layers below). A key is in at most
/// one of <see cref="Values"/> and <see cref="Tombstones"/>.
/// Thread-safety: a layer that snapshots count (<see cref="References"/> &gt; 0) is frozen: it is never modified, so
/// any number of threads may read it. Only the owner thread changes a layer or its count, and only an uncounted one.
/// </summary>
internal sealed class StateLayer<TKey, TValue> where TKey : notnull
{
    /// <summary>Creates a layer over <paramref name="values"/>; <paramref name="tombstones"/> is null for the base.</summary>
    public StateLayer(Dictionary<TKey, TValue> values, HashSet<TKey>? tombstones)
    {
        Values = values;
        Tombstones = tombstones;
    }

    /// <summary>The entries of this layer.</summary>
    public Dictionary<TKey, TValue> Values { get; }

    /// <summary>The keys this layer removed from the layers below; null for the base, which has nothing below.</summary>
    public HashSet<TKey>? Tombstones { get; }

    /// <summary>How many snapshots in flight read this layer (owner thread only).</summary>
    public int References { get; set; }

    /// <summary>Whether <paramref name="key"/> is decided by this layer: it holds an entry or a tombstone for it.</summary>
    public bool Decides(TKey key) => Values.ContainsKey(key) || (Tombstones?.Contains(key) ?? false);

    /// <summary>
    /// Applies a layer that lay directly above this one, in place: its entries overwrite, its tombstones remove (and stay
    /// tombstones here unless this is the base). Cost: the size of the applied layer. This layer must not be counted.
    /// </summary>
    public void Absorb(Dictionary<TKey, TValue> values, HashSet<TKey>? tombstones)
    {
        if (References != 0) throw new InvalidOperationException("A layer that a snapshot reads cannot change.");
        foreach (var (key, value) in values)
        {
            Values[key] = value;
            Tombstones?.Remove(key);
        }
        if (tombstones is null) return;
        foreach (var key in tombstones)
        {
            Values.Remove(key);
            Tombstones?.Add(key);
        }
    }
}
