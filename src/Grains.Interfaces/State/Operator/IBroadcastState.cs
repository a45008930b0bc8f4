namespace OrleansFlow.State;

/// <summary>A map that every subtask of an operator holds the same copy of (Flink's <c>BroadcastState</c>).</summary>
public interface IBroadcastState<TKey, TValue> : IReadOnlyBroadcastState<TKey, TValue> where TKey : notnull
{
    /// <summary>Adds or replaces one entry.</summary>
    void Put(TKey key, TValue value);

    /// <summary>Removes one entry; false when it was absent.</summary>
    bool Remove(TKey key);

    /// <summary>Removes every entry.</summary>
    void Clear();
}
