namespace OrleansFlow.State;

/// <summary>
/// <see cref="IListState{T}"/> on the heap backend: a <see cref="List{T}"/> per key, removed when it becomes empty.
/// Appends change the list in place; while a snapshot is in flight the map first copies a list out of its frozen layer.
/// </summary>
internal sealed class HeapListState<TKey, T> : HeapStateHandle<TKey, List<T>>, IListState<T> where TKey : notnull
{
    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapListState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, List<T>> table) : base(backend, table)
    {
    }

    /// <inheritdoc />
    public IReadOnlyList<T> Get() => TryGetValue(CurrentKey, out var list) ? list : Array.Empty<T>();

    /// <inheritdoc />
    public void Add(T value)
    {
        ref var list = ref GetValueRefOrAddDefault(CurrentKey, out _);
        (list ??= []).Add(value);
    }

    /// <inheritdoc />
    public void AddAll(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var items = values as ICollection<T> ?? values.ToList();
        if (items.Count == 0) return;
        ref var list = ref GetValueRefOrAddDefault(CurrentKey, out _);
        (list ??= new List<T>(items.Count)).AddRange(items);
    }

    /// <inheritdoc />
    public void Update(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = new List<T>(values);
        if (list.Count == 0) Remove(CurrentKey);
        else Set(CurrentKey, list);
    }

    /// <inheritdoc />
    public void Clear() => Remove(CurrentKey);
}
