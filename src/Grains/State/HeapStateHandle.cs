using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OrleansFlow.State;

/// <summary>
/// The base of the heap backend's state handles: the current key, and the operations on the state's
/// <see cref="CopyOnWriteStateMap{TKey, TValue}"/>. While no snapshot is in flight the map publishes its only
/// dictionary to the handle (<see cref="CopyOnWriteStateMap{TKey, TValue}.PublishDirectTo"/>), and each operation is
/// one dictionary operation on a field of the handle itself: the hot path costs what it cost before snapshots were
/// copy-on-write. While a snapshot is in flight the operations go through the map's layers. Owner thread only.
/// </summary>
internal abstract class HeapStateHandle<TKey, TValue> where TKey : notnull
{
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly CopyOnWriteStateMap<TKey, TValue> _map;
    private readonly string _name;
    private Dictionary<TKey, TValue>? _direct;

    /// <summary>Creates the handle of <paramref name="table"/> and subscribes it to the map's direct dictionary.</summary>
    protected HeapStateHandle(HeapKeyedStateBackend<TKey> backend, HeapStateTable<TKey, TValue> table)
    {
        _backend = backend;
        _map = table.Map;
        _name = table.Name;
        _map.PublishDirectTo(direct => _direct = direct);
    }

    /// <summary>The current key; throws when there is none.</summary>
    protected TKey CurrentKey
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(_name);
            return _backend.CurrentKeyUnchecked;
        }
    }

    /// <summary>See <see cref="CopyOnWriteStateMap{TKey, TValue}.TryGetValue"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) =>
        _direct is { } direct ? direct.TryGetValue(key, out value) : _map.TryGetValue(key, out value);

    /// <summary>See <see cref="CopyOnWriteStateMap{TKey, TValue}.TryPeek"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool TryPeek(TKey key, [MaybeNullWhen(false)] out TValue value) =>
        _direct is { } direct ? direct.TryGetValue(key, out value) : _map.TryPeek(key, out value);

    /// <summary>See <see cref="CopyOnWriteStateMap{TKey, TValue}.GetValueRefOrAddDefault"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected ref TValue? GetValueRefOrAddDefault(TKey key, out bool exists)
    {
        if (_direct is { } direct) return ref CollectionsMarshal.GetValueRefOrAddDefault(direct, key, out exists);
        return ref _map.GetValueRefOrAddDefault(key, out exists);
    }

    /// <summary>See <see cref="CopyOnWriteStateMap{TKey, TValue}.GetValueRefOrNullRef"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected ref TValue GetValueRefOrNullRef(TKey key)
    {
        if (_direct is { } direct) return ref CollectionsMarshal.GetValueRefOrNullRef(direct, key);
        return ref _map.GetValueRefOrNullRef(key);
    }

    /// <summary>See <see cref="CopyOnWriteStateMap{TKey, TValue}.Set"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void Set(TKey key, TValue value)
    {
        if (_direct is { } direct) CollectionsMarshal.GetValueRefOrAddDefault(direct, key, out _) = value;
        else _map.Set(key, value);
    }

    /// <summary>See <see cref="CopyOnWriteStateMap{TKey, TValue}.Remove"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected bool Remove(TKey key) => _direct is { } direct ? direct.Remove(key) : _map.Remove(key);
}
