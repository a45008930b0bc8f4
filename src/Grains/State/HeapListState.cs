namespace OrleansFlow.State;

/// <summary>
/// <see cref="IListState{T}"/> on the heap backend: a <see cref="List{T}"/> per key, removed when it becomes empty.
/// Appends change the list in place, so the map copies a list out of a snapshot's frozen layer before the first one.
/// </summary>
internal sealed class HeapListState<TKey, T> : IListState<T> where TKey : notnull
{
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly CopyOnWriteStateMap<TKey, List<T>> _map;
    private readonly string _name;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapListState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, List<T>> table)
    {
        _backend = backend;
        _map = table.Map;
        _name = table.Name;
    }

    /// <inheritdoc />
    public IReadOnlyList<T> Get() => MapChecked().TryGetValue(_backend.CurrentKeyUnchecked, out var list) ? list : Array.Empty<T>();

    /// <inheritdoc />
    public void Add(T value)
    {
        ref var list = ref MapChecked().GetValueRefOrAddDefault(_backend.CurrentKeyUnchecked, out _);
        (list ??= []).Add(value);
    }

    /// <inheritdoc />
    public void AddAll(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values as ICollection<T> ?? values.ToList();
        if (items.Count == 0) return;
        ref var list = ref MapChecked().GetValueRefOrAddDefault(_backend.CurrentKeyUnchecked, out _);
        (list ??= new List<T>(items.Count)).AddRange(items);
    }

    /// <inheritdoc />
    public void Update(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new List<T>(values);
        var map = MapChecked();
        if (list.Count == 0) map.Remove(_backend.CurrentKeyUnchecked);
        else map.Set(_backend.CurrentKeyUnchecked, list);
    }

    /// <inheritdoc />
    public void Clear() => MapChecked().Remove(_backend.CurrentKeyUnchecked);

    private CopyOnWriteStateMap<TKey, List<T>> MapChecked()
    {
        if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return _map;
    }
}
