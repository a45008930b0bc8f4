using System.Runtime.InteropServices;

namespace OrleansFlow.State;

/// <summary><see cref="IMapState{TUserKey, TValue}"/> on the heap backend: a dictionary per key, removed when it becomes empty.</summary>
internal sealed class HeapMapState<TKey, TUserKey, TValue> : IMapState<TUserKey, TValue> where TKey : notnull where TUserKey : notnull
{
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly Dictionary<TKey, Dictionary<TUserKey, TValue>>?[] _tables;
    private readonly string _name;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapMapState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, Dictionary<TUserKey, TValue>> table)
    {
        _backend = backend;
        _tables = table.Tables;
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
        var index = Index();
        var table = _tables[index] ??= new Dictionary<TKey, Dictionary<TUserKey, TValue>>();
        ref var map = ref CollectionsMarshal.GetValueRefOrAddDefault(table, _backend.CurrentKeyUnchecked, out _);
        (map ??= [])[userKey] = value;
    }

    /// <inheritdoc />
    public bool Remove(TUserKey userKey)
    {
        var table = _tables[Index()];
        if (table is null || !table.TryGetValue(_backend.CurrentKeyUnchecked, out var map) || !map.Remove(userKey)) return false;
        if (map.Count == 0) table.Remove(_backend.CurrentKeyUnchecked);
        return true;
    }

    /// <inheritdoc />
    public bool Contains(TUserKey userKey) => Map() is { } map && map.ContainsKey(userKey);

    /// <inheritdoc />
    public IEnumerable<KeyValuePair<TUserKey, TValue>> Entries() =>
        Map() ?? (IEnumerable<KeyValuePair<TUserKey, TValue>>)Array.Empty<KeyValuePair<TUserKey, TValue>>();

    /// <inheritdoc />
    public bool IsEmpty => Map() is not { Count: > 0 };

    /// <inheritdoc />
    public void Clear() => _tables[Index()]?.Remove(_backend.CurrentKeyUnchecked);

    private Dictionary<TUserKey, TValue>? Map()
    {
        var table = _tables[Index()];
        return table is not null && table.TryGetValue(_backend.CurrentKeyUnchecked, out var map) ? map : null;
    }

    private int Index()
    {
        var index = _backend.CurrentKeyGroupIndex;
        if ((uint)index >= (uint)_tables.Length) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return index;
    }
}
