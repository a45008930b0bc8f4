namespace OrleansFlow.State;

/// <summary><see cref="IReducingState{T}"/> on the heap backend: one folded value per key, one map lookup per <see cref="Add"/>.</summary>
internal sealed class HeapReducingState<TKey, T> : IReducingState<T> where TKey : notnull
{
    private static readonly bool CanBeNull = default(T) is null;
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly CopyOnWriteStateMap<TKey, T> _map;
    private readonly Func<T, T, T> _reduce;
    private readonly string _name;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapReducingState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, T> table, Func<T, T, T> reduce)
    {
        _backend = backend;
        _map = table.Map;
        _reduce = reduce;
        _name = table.Name;
    }

    /// <inheritdoc />
    public void Add(T value)
    {
        var table = MapChecked();
        // The reduce function is pure (it does not touch state), so holding the slot across the call is safe. A mutable
        // value in a snapshot's frozen layer is copied into the slot first, so the reduce function may change it.
        ref var slot = ref table.GetValueRefOrAddDefault(_backend.CurrentKeyUnchecked, out var exists);
        if (!exists)
        {
            if (CanBeNull && value is null) table.Remove(_backend.CurrentKeyUnchecked);
            else slot = value;
            return;
        }
        var reduced = _reduce(slot!, value);
        if (CanBeNull && reduced is null) table.Remove(_backend.CurrentKeyUnchecked);
        else slot = reduced;
    }

    /// <inheritdoc />
    public bool TryGet(out T value)
    {
        if (MapChecked().TryGetValue(_backend.CurrentKeyUnchecked, out value!)) return true;
        value = default!;
        return false;
    }

    /// <inheritdoc />
    public void Clear() => MapChecked().Remove(_backend.CurrentKeyUnchecked);

    private CopyOnWriteStateMap<TKey, T> MapChecked()
    {
        if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return _map;
    }
}
