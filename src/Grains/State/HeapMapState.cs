using System.Runtime.CompilerServices;

namespace OrleansFlow.State;

/// <summary>
/// <see cref="IMapState{TUserKey, TValue}"/> on the heap backend: a dictionary per key, removed when it becomes empty.
/// Puts and removals change the dictionary in place, so the map copies it out of a snapshot's frozen layer before the
/// first one.
/// </summary>
internal sealed class HeapMapState<TKey, TUserKey, TValue> : IMapState<TUserKey, TValue> where TKey : notnull where TUserKey : notnull
{
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly CopyOnWriteStateMap<TKey, Dictionary<TUserKey, TValue>> _map;
    private readonly string _name;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapMapState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, Dictionary<TUserKey, TValue>> table)
    {
        _backend = backend;
        _map = table.Map;
        _name = table.Name;
    }

    /// <inheritdoc />
    public bool TryGetValue(TUserKey userKey, out TValue value)
    {
        if (Map() is { } map && map.TryGetValue(userKey, out value!)) return true;
        value = default!;
        return false;
    }

    /// <inheritdoc />
    public void Put(TUserKey userKey, TValue value)
    {
        ArgumentNullException.ThrowIfNull(userKey);
        ref var map = ref MapChecked().GetValueRefOrAddDefault(_backend.CurrentKeyUnchecked, out _);
        (map ??= [])[userKey] = value;
    }

    /// <inheritdoc />
    public bool Remove(TUserKey userKey)
    {
        var table = MapChecked();
        ref var map = ref table.GetValueRefOrNullRef(_backend.CurrentKeyUnchecked);
        if (Unsafe.IsNullRef(ref map) || !map.Remove(userKey)) return false;
        if (map.Count == 0) table.Remove(_backend.CurrentKeyUnchecked);
        return true;
    }

    /// <inheritdoc />
    public bool Contains(TUserKey userKey) => MapChecked().TryPeek(_backend.CurrentKeyUnchecked, out var map) && map.ContainsKey(userKey);

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<TUserKey, TValue>> Entries() =>
        Map() ?? (IEnumerable<KeyValuePair<TUserKey, TValue>>)Array.Empty<KeyValuePair<TUserKey, TValue>>();

    /// <inheritdoc />
    public bool IsEmpty => !MapChecked().TryPeek(_backend.CurrentKeyUnchecked, out var map) || map.Count == 0;

    /// <inheritdoc />
    public void Clear() => MapChecked().Remove(_backend.CurrentKeyUnchecked);

    private Dictionary<TUserKey, TValue>? Map() => MapChecked().TryGetValue(_backend.CurrentKeyUnchecked, out var map) ? map : null;

    private CopyOnWriteStateMap<TKey, Dictionary<TUserKey, TValue>> MapChecked()
    {
        if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return _map;
    }
}
