namespace OrleansFlow.State;

/// <summary><see cref="IAggregatingState{TIn, TOut}"/> on the heap backend: one accumulator of type <typeparamref name="TAcc"/> per key.</summary>
internal sealed class HeapAggregatingState<TKey, TIn, TAcc, TOut> : HeapStateHandle<TKey, TAcc>, IAggregatingState<TIn, TOut> where TKey : notnull
{
    private static readonly bool CanBeNull = default(TAcc) is null;
    private readonly IAggregateFunction<TIn, TAcc, TOut> _function;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapAggregatingState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, TAcc> table, IAggregateFunction<TIn, TAcc, TOut> function)
        : base(backend, table) => _function = function;

    /// <inheritdoc />
    public void Add(TIn value)
    {
        var key = CurrentKey;
        // The aggregate function is pure (it does not touch state), so holding the slot across the calls is safe. A mutable
        // accumulator in a snapshot's frozen layer is copied into the slot first, so Add may change it in place.
        ref var slot = ref GetValueRefOrAddDefault(key, out var exists);
        TAcc accumulator;
        try
        {
            accumulator = _function.Add(value, exists ? slot! : _function.CreateAccumulator());
        }
        catch
        {
            if (!exists) Remove(key);
            throw;
        }
        if (CanBeNull && accumulator is null) Remove(key);
        else slot = accumulator;
    }

    /// <inheritdoc />
    public bool TryGet(out TOut result)
    {
        if (TryGetValue(CurrentKey, out var accumulator))
        {
            result = _function.GetResult(accumulator);
            return true;
        }
        result = default!;
        return false;
    }

    /// <inheritdoc />
    public void Clear() => Remove(CurrentKey);
}
