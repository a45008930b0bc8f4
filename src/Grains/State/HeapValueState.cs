using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OrleansFlow.State;

/// <summary>
/// <see cref="IValueState{T}"/> on the heap backend. Hot path: one array index and one dictionary operation per call,
/// no allocation except the first dictionary of a key group. <see cref="Update"/> with null clears.
/// </summary>
internal sealed class HeapValueState<TKey, T> : IValueState<T> where TKey : notnull
{
    private static readonly bool CanBeNull = default(T) is null;
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly Dictionary<TKey, T>?[] _tables;
    private readonly T _defaultValue;
    private readonly string _name;

    /// <summary>Creates the handle of <paramref name="table"/>.</summary>
    public HeapValueState(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, T> table, T defaultValue)
    {
        _backend = backend;
        _tables = table.Tables;
        _defaultValue = defaultValue;
        _name = table.Name;
    }

    /// <inheritdoc />
    public T Value
    {
        get
        {
            var tables = _tables;
            var index = _backend.CurrentKeyGroupIndex;
            if ((uint)index >= (uint)tables.Length) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
            var table = tables[index];
            if (table is not null)
            {
                ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(table, _backend.CurrentKeyUnchecked);
                if (!Unsafe.IsNullRef(ref slot)) return slot;
            }
            return _defaultValue;
        }
    }

    /// <inheritdoc />
    public bool TryGetValue(out T value)
    {
        var tables = _tables;
        var index = _backend.CurrentKeyGroupIndex;
        if ((uint)index >= (uint)tables.Length) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        var table = tables[index];
        if (table is not null && table.TryGetValue(_backend.CurrentKeyUnchecked, out value!)) return true;
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
        var tables = _tables;
        var index = _backend.CurrentKeyGroupIndex;
        if ((uint)index >= (uint)tables.Length) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        var table = tables[index] ??= new Dictionary<TKey, T>();
        CollectionsMarshal.GetValueRefOrAddDefault(table, _backend.CurrentKeyUnchecked, out _) = value;
    }

    /// <inheritdoc />
    public void Clear()
    {
        var tables = _tables;
        var index = _backend.CurrentKeyGroupIndex;
        if ((uint)index >= (uint)tables.Length) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
        tables[index]?.Remove(_backend.CurrentKeyUnchecked);
    }
}
