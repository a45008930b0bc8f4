namespace OrleansFlow.State;

/// <summary><see cref="IAggregatingState{TIn, TOut}"/> on the heap backend: one accumulator of type <typeparamref name="TAcc"/> per key.</summary>
internal sealed class HeapAggregatingState<TKey, TIn, TAcc, TOut> : IAggregatingState<TIn, TOut> where TKey : notnull
{
    private static readonly bool CanBeNull = default(TAcc) is null;
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly CopyOnWriteStateMap<TKey, TAcc> _map;
    private readonly IAggregateFunction<TIn, TAcc, TOut> _function;
    private readonly string _name;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapAggregatingState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, TAcc> table, IAggregateFunction<TIn, TAcc, TOut> function)
    {
        _backend = backend;
        _map = table.Map;
        _function = function;
        _name = table.Name;
    }

    /// <inheritdoc />
    public void Add(TIn value)
    {
        var table = MapChecked();
        var key = _backend.CurrentKeyUnchecked;
        // The aggregate function is pure (it does not touch state), so holding the slot across the calls is safe. A mutable
        // accumulator in a snapshot's frozen layer is copied into the slot first, so Add may change it in place.
        ref var slot = ref table.GetValueRefOrAddDefault(key, out var exists);
        TAcc accumulator;
        try
        {
            accumulator = _function.Add(value, exists ? slot! : _function.CreateAccumulator());
        }
        catch
        {
            if (!exists) table.Remove(key);
            throw;
        }
        if (CanBeNull && accumulator is null) table.Remove(key);
        else slot = accumulator;
    }

    /// <inheritdoc />
    public bool TryGet(out TOut result)
    {
        if (MapChecked().TryGetValue(_backend.CurrentKeyUnchecked, out var accumulator))
        {
            result = _function.GetResult(accumulator);
            return true;
        }
        result = default!;
        return false;
    }

    /// <inheritdoc />
    public void Clear() => MapChecked().Remove(_backend.CurrentKeyUnchecked);

    private CopyOnWriteStateMap<TKey, TAcc> MapChecked()
    {
        if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return _map;
    }
}
