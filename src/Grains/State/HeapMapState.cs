using System.Runtime.CompilerServices;

namespace OrleansFlow.State;

/// <summary>
/// <see cref="IMapState{TUserKey, TValue}"/> on the heap backend: a dictionary per key, removed when it becomes empty.
/// Puts and removals change the dictionary in place; while a snapshot is in flight the map first copies it out of its
/// frozen layer.
/// </summary>
internal sealed class HeapMapState<TKey, TUserKey, TValue> : HeapStateHandle<TKey, Dictionary<TUserKey, TValue>>, IMapState<TUserKey, TValue>
    where TKey : notnull where TUserKey : notnull
{
    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapMapState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, Dictionary<TUserKey, TValue>> table) : base(backend, table)
    {
    }

    /// <inheritdoc />
    public bool TryGetValue(TUserKey userKey, out TValue value)
    {
        if (TryGetValue(CurrentKey, out var map) && map.TryGetValue(userKey, out value!)) return true;
        value = default!;
        return false;
    }

    /// <inheritdoc />
    public void Put(TUserKey userKey, TValue value)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        ref var map = ref GetValueRefOrAddDefault(CurrentKey, out _);
        (map ??= [])[userKey] = value;
    }

    /// <inheritdoc />
    public bool Remove(TUserKey userKey)
    {
        var key = CurrentKey;
        ref var map = ref GetValueRefOrNullRef(key);
        if (Unsafe.IsNullRef(ref map) || !map.Remove(userKey)) return false;
        if (map.Count == 0) Remove(key);
        return true;
    }

    /// <inheritdoc />
    public bool Contains(TUserKey userKey) => TryPeek(CurrentKey, out var map) && map.ContainsKey(userKey);

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<TUserKey, TValue>> Entries() =>
        TryGetValue(CurrentKey, out var map) ? map : Array.Empty<KeyValuePair<TUserKey, TValue>>();

    /// <inheritdoc />
    public bool IsEmpty => !TryPeek(CurrentKey, out var map) || map.Count == 0;

    /// <inheritdoc />
    public void Clear() => Remove(CurrentKey);
}
