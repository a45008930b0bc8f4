using System.Runtime.CompilerServices;

namespace OrleansFlow.State;

/// <summary>
/// <see cref="IValueState{T}"/> on the heap backend. Hot path: one map operation per call, no allocation except when
/// the map grows. <see cref="Update"/> with null clears.
/// </summary>
internal sealed class HeapValueState<TKey, T> : IValueState<T> where TKey : notnull
{
    private static readonly bool CanBeNull = default(T) is null;
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly CopyOnWriteStateMap<TKey, T> _map;
    private readonly T _defaultValue;
    private readonly string _name;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapValueState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, T> table, T defaultValue)
    {
        _backend = backend;
        _map = table.Map;
        _defaultValue = defaultValue;
        _name = table.Name;
    }

    /// <inheritdoc />
    public T Value
    {
        get
        {
            CheckCurrentKey();
            return _map.TryGetValue(_backend.CurrentKeyUnchecked, out var value) ? value : _defaultValue;
        }
    }

    /// <inheritdoc />
    public bool TryGetValue(out T value)
    {
        CheckCurrentKey();
        if (_map.TryGetValue(_backend.CurrentKeyUnchecked, out value!)) return true;
        value = _defaultValue;
        return false;
    }

    /// <inheritdoc />
    public void Update(T value)
    {
        if (CanBeNull && value is null)
        {
            Clear();
            return;
        }
        CheckCurrentKey();
        _map.Set(_backend.CurrentKeyUnchecked, value);
    }

    /// <inheritdoc />
    public void Clear()
    {
        CheckCurrentKey();
        _map.Remove(_backend.CurrentKeyUnchecked);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CheckCurrentKey()
    {
        if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
    }
}
