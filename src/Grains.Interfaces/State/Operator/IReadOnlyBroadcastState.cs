namespace OrleansFlow.State;

/// <summary>The read-only view of a broadcast state, as the non-broadcast side of a broadcast connection sees it.</summary>
public interface IReadOnlyBroadcastState<TKey, TValue> where TKey : notnull
{
    /// <summary>Reads one entry.</summary>
    bool TryGetValue(TKey key, out TValue value);

    /// <summary>Whether the map holds <paramref name="key"/>.</summary>
    bool Contains(TKey key);

    /// <summary>The entries, in no particular order. Do not change the state while enumerating.</summary>
    IEnumerable<KeyValuePair<TKey, TValue>> Entries();

    /// <summary>The number of entries.</summary>
    int Count { get; }
}
