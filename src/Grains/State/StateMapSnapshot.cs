namespace OrleansFlow.State;

/// <summary>
/// What <see cref="CopyOnWriteStateMap{TKey, TValue}.Freeze"/> captured: the map's frozen layers, base first. The
/// visible entry of a key is the one of the highest layer that holds an entry or a tombstone for it.
/// Thread-safety: immutable while counted (until the owner releases it), so any thread may read it.
/// </summary>
internal sealed class StateMapSnapshot<TKey, TValue> where TKey : notnull
{
    /// <summary>Creates the view of <paramref name="layers"/> (base first), which it does not copy.</summary>
    public StateMapSnapshot(StateLayer<TKey, TValue>[] layers) => Layers = layers;

    /// <summary>The view of an empty map.</summary>
    public static StateMapSnapshot<TKey, TValue> Empty { get; } = new([]);

    /// <summary>The layers, base first.</summary>
    public StateLayer<TKey, TValue>[] Layers { get; }

    /// <summary>
    /// Every visible entry, each key once: a layer's entry counts unless a layer above decides its key. With one layer
    /// this is that layer's dictionary; each layer above adds a lookup per entry below it.
    /// </summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> VisibleEntries()
    {
        if (Layers.Length == 1) return Layers[0].Values;
        return Layered();

        IEnumerable<KeyValuePair<TKey, TValue>> Layered()
        {
            for (var i = Layers.Length - 1; i >= 0; i--)
            {
                foreach (var entry in Layers[i].Values)
                {
                    if (!IsDecidedAbove(entry.Key, i)) yield return entry;
                }
            }
        }
    }

    /// <summary>The visible value of <paramref name="key"/>.</summary>
    public bool TryGetValue(TKey key, out TValue value)
    {
        for (var i = Layers.Length - 1; i >= 0; i--)
        {
            var layer = Layers[i];
            if (layer.Values.TryGetValue(key, out value!)) return true;
            if (layer.Tombstones?.Contains(key) ?? false) break;
        }
        value = default!;
        return false;
    }

    private bool IsDecidedAbove(TKey key, int layer)
    {
        for (var i = layer + 1; i < Layers.Length; i++)
        {
            if (Layers[i].Decides(key)) return true;
        }
        return false;
    }
}
