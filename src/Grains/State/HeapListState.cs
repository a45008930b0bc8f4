using System.Runtime.InteropServices;

namespace OrleansFlow.State;

/// <summary><see cref="IListState{T}"/> on the heap backend: a <see cref="List{T}"/> per key, removed when it becomes empty.</summary>
internal sealed class HeapListState<TKey, T> : IListState<T> where TKey : notnull
{
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly Dictionary<TKey, List<T>> _map;
    private readonly string _name;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapListState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, List<T>> table)
    {
        _backend = backend;
        _map = table.Map;
        _name = table.Name;
    }

    /// <inheritdoc />
    public IReadOnlyList<T> Get()
    {
        var table = MapChecked();
        return table.TryGetValue(_backend.CurrentKeyUnchecked, out var list) ? list : Array.Empty<T>();
    }

    /// <inheritdoc />
    public void Add(T value)
    {
        Index();
        var table = _map;
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(table, _backend.CurrentKeyUnchecked, out _);
        (list ??= []).Add(value);
    }

    /// <inheritdoc />
    public void AddAll(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values as ICollection<T> ?? values.ToList();
        if (items.Count == 0) return;
        Index();
        var table = _map;
        ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(table, _backend.CurrentKeyUnchecked, out _);
        (list ??= new List<T>(items.Count)).AddRange(items);
    }

    /// <inheritdoc />
    public void Update(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new List<T>(values);
        Index();
        if (list.Count == 0)
        {
            _map.Remove(_backend.CurrentKeyUnchecked);
            return;
        }
        var table = _map;
        table[_backend.CurrentKeyUnchecked] = list;
    }

    /// <inheritdoc />
    public void Clear() => MapChecked().Remove(_backend.CurrentKeyUnchecked);

    

    private int Index()
    {
        var index = _backend.CurrentKeyGroupIndex;
        if (index < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return index;
    }

    private Dictionary<TKey, List<T>> MapChecked()
    {
        if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return _map;
    }
}
