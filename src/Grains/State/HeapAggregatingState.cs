using System.Runtime.InteropServices;

namespace OrleansFlow.State;

/// <summary><see cref="IAggregatingState{TIn, TOut}"/> on the heap backend: one accumulator of type <typeparamref name="TAcc"/> per key.</summary>
internal sealed class HeapAggregatingState<TKey, TIn, TAcc, TOut> : IAggregatingState<TIn, TOut> where TKey : notnull
{
    private static readonly bool CanBeNull = default(TAcc) is null;
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly Dictionary<TKey, TAcc> _map;
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
        Index();
        var table = _map;
        var key = _backend.CurrentKeyUnchecked;
        // The aggregate function is pure (it does not touch state), so holding the slot across the calls is safe.
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(table, key, out var exists);
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
        var table = MapChecked();
        if (table.TryGetValue(_backend.CurrentKeyUnchecked, out var accumulator))
        {
            result = _function.GetResult(accumulator);
            return true;
        }
        result = default!;
        return false;
    }

    /// <inheritdoc />
    public void Clear() => MapChecked().Remove(_backend.CurrentKeyUnchecked);

    private int Index()
    {
        var index = _backend.CurrentKeyGroupIndex;
        if (index < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return index;
    }

    private Dictionary<TKey, TAcc> MapChecked()
    {
        if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        return _map;
    }
}
