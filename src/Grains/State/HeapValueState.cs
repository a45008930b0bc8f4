using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OrleansFlow.State;

/// <summary>
/// <see cref="IValueState{T}"/> on the heap backend. Hot path: one dictionary operation per call,
/// no allocation except the first dictionary of a key group. <see cref="Update"/> with null clears.
/// </summary>
internal sealed class HeapValueState<TKey, T> : IValueState<T> where TKey : notnull
{
    private static readonly bool CanBeNull = default(T) is null;
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly Dictionary<TKey, T> _map;
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
            ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_map, _backend.CurrentKeyUnchecked);
            return Unsafe.IsNullRef(ref slot) ? _defaultValue : slot;
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
        CollectionsMarshal.GetValueRefOrAddDefault(_map, _backend.CurrentKeyUnchecked, out _) = value;
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
