namespace OrleansFlow.State;

/// <summary>A map per key (Flink's <c>MapState</c>).</summary>
public interface IMapState<TUserKey, TValue> : IState where TUserKey : notnull
{
    /// <summary>Reads one entry of the current key's map.</summary>
    bool TryGetValue(TUserKey userKey, out TValue value);

    /// <summary>Adds or replaces one entry.</summary>
    void Put(TUserKey userKey, TValue value);

    /// <summary>Removes one entry; false when it was absent.</summary>
    bool Remove(TUserKey userKey);

    /// <summary>Whether the current key's map holds <paramref name="userKey"/>.</summary>
    bool Contains(TUserKey userKey);

    /// <summary>The current key's entries (empty when none).</summary>
    IEnumerable<KeyValuePair<TUserKey, TValue>> Entries();

    /// <summary>Whether the current key's map is empty.</summary>
    bool IsEmpty { get; }
}
