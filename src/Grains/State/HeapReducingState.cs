namespace OrleansFlow.State;

/// <summary><see cref="IReducingState{T}"/> on the heap backend: one folded value per key, one dictionary lookup per <see cref="Add"/>.</summary>
internal sealed class HeapReducingState<TKey, T> : HeapStateHandle<TKey, T>, IReducingState<T> where TKey : notnull
{
    private static readonly bool CanBeNull = default(T) is null;
    private readonly Func<T, T, T> _reduce;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapReducingState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, T> table, Func<T, T, T> reduce) : base(backend, table) =>
        _reduce = reduce;

    /// <inheritdoc />
    public void Add(T value)
    {
        var key = CurrentKey;
        // The reduce function is pure (it does not touch state), so holding the slot across the call is safe. A mutable
        // value in a snapshot's frozen layer is copied into the slot first, so the reduce function may change it.
        ref var slot = ref GetValueRefOrAddDefault(key, out var exists);
        if (!exists)
        {
            if (CanBeNull && value is null) Remove(key);
            else slot = value;
            return;
        }
        var reduced = _reduce(slot!, value);
        if (CanBeNull && reduced is null) Remove(key);
        else slot = reduced;
    }

    /// <inheritdoc />
    public bool TryGet(out T value)
    {
        if (TryGetValue(CurrentKey, out value!)) return true;
        value = default!;
        return false;
    }

    /// <inheritdoc />
    public void Clear() => Remove(CurrentKey);
}
