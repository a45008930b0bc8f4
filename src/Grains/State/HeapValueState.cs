namespace OrleansFlow.State;

/// <summary>
/// <see cref="IValueState{T}"/> on the heap backend. Hot path: one dictionary operation per call, no allocation except
/// when the dictionary grows. <see cref="Update"/> with null clears.
/// </summary>
internal sealed class HeapValueState<TKey, T> : HeapStateHandle<TKey, T>, IValueState<T>, IValueRefState<T> where TKey : notnull
{
    private static readonly bool CanBeNull = default(T) is null;
    private readonly T _defaultValue;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapValueState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, T> table, T defaultValue) : base(backend, table) =>
        _defaultValue = defaultValue;

    /// <inheritdoc />
    public T Value => TryGetValue(CurrentKey, out var value) ? value : _defaultValue;

    /// <inheritdoc />
    public bool TryGetValue(out T value)
    {
        if (TryGetValue(CurrentKey, out value!)) return true;
        value = _defaultValue;
        return false;
    }

    /// <inheritdoc />
    public void Update(T value)
    {
        if (CanBeNull && value is null) Clear();
        else Set(CurrentKey, value);
    }

    /// <inheritdoc />
    public void Clear() => Remove(CurrentKey);

    /// <inheritdoc />
    public ref T GetValueRefOrAddDefault(out bool exists) => ref GetValueRefOrAddDefault(CurrentKey, out exists)!;

    /// <inheritdoc />
    public ref T GetValueRefOrNullRef() => ref GetValueRefOrNullRef(CurrentKey);
}
