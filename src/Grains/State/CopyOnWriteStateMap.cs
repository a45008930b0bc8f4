using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace OrleansFlow.State;

/// <summary>
/// The entries of one keyed state, with copy-on-write snapshots (the idea of Flink's <c>CopyOnWriteStateMap</c>, built
/// from layers of dictionaries instead of versioned entries).
/// <para>
/// <b>Layers.</b> With no snapshot in flight the map is one dictionary (the base) and each operation is one dictionary
/// operation behind one null check. <see cref="Freeze"/>, a snapshot's synchronous phase, costs O(layers) whatever the
/// number of entries: it freezes the top layer and puts an empty delta layer on it. From then on writes go to the
/// delta; removing a key that a frozen layer holds leaves a tombstone in the delta; reads look in the delta, then in
/// the frozen layers from the top. A read or set of a key the delta already holds (every key a job touched since the
/// freeze) is the same inlined dictionary operation as without a snapshot. A value that a handle changes in place (a list or map state's collection, a mutable
/// accumulator) is copied into the delta before its first change, and a mutable value that a read hands out is copied
/// into the delta first (<see cref="StateCopyPolicy{T}"/>), so frozen layers never change.
/// </para>
/// <para>
/// <b>Release and merge.</b> A frozen layer counts the snapshots that read it. <see cref="Release"/> uncounts a
/// snapshot's layers, then merges the top layer into each uncounted layer below it, in place (cost: the size of the
/// merged deltas); once the base is uncounted the map is one dictionary again. Snapshots may overlap and be released
/// in any order. When more than <see cref="MaxFrozenLayers"/> layers stay counted (checkpoints that overlap back to
/// back, so the base never gets free), the deltas above the base are copied into one new top layer (cost: their size)
/// so that reads stay short; the snapshots keep reading the layers they captured.
/// </para>
/// <para>
/// <b>Reuse.</b> A delta that was merged down is cleared and kept (its capacity too) as the next snapshot's delta, so a
/// checkpoint every second does not allocate a dictionary as large as the keys it touches each time (large-object
/// heap, gen-2 collections, fresh pages). What it keeps is at most the largest delta so far: at most the map's keys.
/// </para>
/// <para>
/// <b>Thread-safety.</b> Every member is for the owner thread (the task's turn). A <see cref="StateMapSnapshot{TKey, TValue}"/>
/// may be read by other threads until it is released: its layers stay unchanged while counted.
/// </para>
/// </summary>
internal sealed class CopyOnWriteStateMap<TKey, TValue> where TKey : notnull
{
    /// <summary>How many frozen layers (the base included) stay before the deltas above the base are compacted.</summary>
    public const int MaxFrozenLayers = 4;

    private readonly Func<StateCopyPolicy<TValue>> _policyFactory;
    private StateCopyPolicy<TValue>? _policy;
    private Dictionary<TKey, TValue> _values = [];
    private HashSet<TKey>? _tombstones; // the top layer's; null exactly when there is no frozen layer (the fast path)
    private StateLayer<TKey, TValue>[] _frozen = []; // base first; replaced, never modified (snapshots share it)
    private Action<Dictionary<TKey, TValue>?>? _publishDirect;
    private Dictionary<TKey, TValue>? _spareValues; // a merged delta, cleared: the next Freeze's top layer
    private HashSet<TKey>? _spareTombstones;

    /// <summary>Creates an empty map; <paramref name="policyFactory"/> is called once, by the first <see cref="PrepareFreeze"/>.</summary>
    public CopyOnWriteStateMap(Func<StateCopyPolicy<TValue>> policyFactory) => _policyFactory = policyFactory;

    /// <summary>
    /// Makes <paramref name="receiver"/> (the state's handle) the one receiver of the map's direct dictionary: the only
    /// dictionary while no snapshot is in flight, on which every operation may be done directly, and null while there
    /// are frozen layers. Called at once and after every change, on the owner thread.
    /// </summary>
    public void PublishDirectTo(Action<Dictionary<TKey, TValue>?> receiver)
    {
        _publishDirect = receiver;
        PublishDirect();
    }

    /// <summary>The number of frozen layers below the top one (0 when no snapshot is in flight).</summary>
    public int FrozenLayerCount => _frozen.Length;

    /// <summary>The visible value of <paramref name="key"/>; a mutable value from a frozen layer is copied into the top layer first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) =>
        _values.TryGetValue(key, out value) || (_tombstones is not null && TryGetBelowTop(key, _policy!.CopyOnRead, out value));

    /// <summary>The visible value of <paramref name="key"/>, never copied: for reads that do not hand the value out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPeek(TKey key, [MaybeNullWhen(false)] out TValue value) =>
        _values.TryGetValue(key, out value) || (_tombstones is not null && TryGetFrozen(key, out value));

    /// <summary>
    /// The slot of <paramref name="key"/> in the top layer, to update in place; added with the default value when the
    /// key has none (<paramref name="exists"/> false), or holding a copy of the frozen value when it lives below.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TValue? GetValueRefOrAddDefault(TKey key, out bool exists)
    {
        if (_tombstones is null) return ref CollectionsMarshal.GetValueRefOrAddDefault(_values, key, out exists);
        return ref GetValueRefOrAddDefaultLayered(key, out exists);
    }

    /// <summary>Like <see cref="GetValueRefOrAddDefault"/>, but a null reference when the key has no value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TValue GetValueRefOrNullRef(TKey key)
    {
        if (_tombstones is null) return ref CollectionsMarshal.GetValueRefOrNullRef(_values, key);
        return ref GetValueRefOrNullRefLayered(key);
    }

    /// <summary>Sets the value of <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(TKey key, TValue value)
    {
        CollectionsMarshal.GetValueRefOrAddDefault(_values, key, out _) = value;
        if (_tombstones is { Count: > 0 } tombstones) tombstones.Remove(key);
    }

    /// <summary>Removes the value of <paramref name="key"/>; false when it had none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Remove(TKey key) => _tombstones is null ? _values.Remove(key) : RemoveLayered(key);

    /// <summary>Every visible entry, each key once. Do not change the map while enumerating.</summary>
    public IEnumerable<KeyValuePair<TKey, TValue>> VisibleEntries() =>
        _tombstones is null ? _values : new StateMapSnapshot<TKey, TValue>([.. _frozen, new StateLayer<TKey, TValue>(_values, _tombstones)]).VisibleEntries();

    /// <summary>Makes room for <paramref name="additional"/> more entries when the map is one dictionary.</summary>
    public void EnsureCapacity(int additional)
    {
        if (_tombstones is null) _values.EnsureCapacity(_values.Count + additional);
    }

    /// <summary>Everything <see cref="Freeze"/> needs that can fail (the copy policy), so that a backend can freeze all its maps or none.</summary>
    public void PrepareFreeze() => _policy ??= _policyFactory();

    /// <summary>
    /// The synchronous phase of a snapshot, O(layers): freezes the top layer (unless it is an empty delta) and counts
    /// every frozen layer for the returned view, which stays unchanged until <see cref="Release"/>.
    /// </summary>
    public StateMapSnapshot<TKey, TValue> Freeze()
    {
        if (_policy is null) throw new InvalidOperationException("PrepareFreeze was not called.");
        if (_tombstones is null && _values.Count == 0) return StateMapSnapshot<TKey, TValue>.Empty;
        if (_tombstones is null || _values.Count > 0 || _tombstones.Count > 0)
        {
            _frozen = [.. _frozen, new StateLayer<TKey, TValue>(_values, _tombstones)];
            _values = _spareValues ?? [];
            _tombstones = _spareTombstones ?? [];
            _spareValues = null;
            _spareTombstones = null;
            PublishDirect();
        }
        foreach (var layer in _frozen) layer.References++;
        return new StateMapSnapshot<TKey, TValue>(_frozen);
    }

    /// <summary>Ends a snapshot taken by <see cref="Freeze"/>: uncounts its layers and merges what no snapshot reads any more.</summary>
    public void Release(StateMapSnapshot<TKey, TValue> snapshot)
    {
        foreach (var layer in snapshot.Layers) layer.References--;
        var count = _frozen.Length;
        while (count > 0 && _frozen[count - 1].References == 0)
        {
            var below = _frozen[--count];
            below.Absorb(_values, _tombstones);
            KeepSpare(_values, _tombstones!); // the top layer: no snapshot reads it
            _values = below.Values;
            _tombstones = below.Tombstones; // null once the base is reached: one dictionary again
        }
        if (count > MaxFrozenLayers)
        {
            var merged = new StateLayer<TKey, TValue>([], []);
            for (var i = 1; i < count; i++) merged.Absorb(_frozen[i].Values, _frozen[i].Tombstones);
            merged.Absorb(_values, _tombstones);
            KeepSpare(_values, _tombstones!);
            _values = merged.Values;
            _tombstones = merged.Tombstones;
            count = 1;
        }
        if (count != _frozen.Length) _frozen = _frozen[..count];
        PublishDirect();
    }

    /// <summary>Keeps a merged top layer, cleared, for the next <see cref="Freeze"/> (the larger of it and the one kept).</summary>
    private void KeepSpare(Dictionary<TKey, TValue> values, HashSet<TKey> tombstones)
    {
        values.Clear();
        tombstones.Clear();
        if (_spareValues is null || _spareValues.EnsureCapacity(0) < values.EnsureCapacity(0)) _spareValues = values;
        if (_spareTombstones is null || _spareTombstones.EnsureCapacity(0) < tombstones.EnsureCapacity(0)) _spareTombstones = tombstones;
    }

    private void PublishDirect() => _publishDirect?.Invoke(_tombstones is null ? _values : null);

    /// <summary>The value of a key the top layer does not hold, from the frozen layers (copied into the top layer with <paramref name="copy"/>).</summary>
    private bool TryGetBelowTop(TKey key, bool copy, [MaybeNullWhen(false)] out TValue value)
    {
        if (!TryGetFrozen(key, out value)) return false;
        if (copy)
        {
            value = _policy!.Copy(value);
            _values.Add(key, value);
        }
        return true;
    }

    private ref TValue? GetValueRefOrAddDefaultLayered(TKey key, out bool exists)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_values, key);
        if (!Unsafe.IsNullRef(ref slot))
        {
            exists = true;
            return ref slot!;
        }
        exists = TryGetFrozen(key, out var frozen);
        if (!exists) _tombstones!.Remove(key);
        ref var added = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, key, out _);
        if (exists) added = _policy!.CopyOnWrite ? _policy.Copy(frozen!) : frozen!;
        return ref added;
    }

    private ref TValue GetValueRefOrNullRefLayered(TKey key)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_values, key);
        if (!Unsafe.IsNullRef(ref slot) || !TryGetFrozen(key, out var frozen)) return ref slot!;
        ref var added = ref CollectionsMarshal.GetValueRefOrAddDefault(_values, key, out _);
        added = _policy!.CopyOnWrite ? _policy.Copy(frozen!) : frozen!;
        return ref added!;
    }

    private bool RemoveLayered(TKey key)
    {
        var removed = _values.Remove(key);
        if (!TryGetFrozen(key, out _)) return removed;
        _tombstones!.Add(key);
        return true;
    }

    /// <summary>The value of <paramref name="key"/> in the frozen layers, unless the top layer removed it.</summary>
    private bool TryGetFrozen(TKey key, [MaybeNullWhen(false)] out TValue value)
    {
        if (_tombstones!.Count > 0 && _tombstones.Contains(key))
        {
            value = default;
            return false;
        }
        for (var i = _frozen.Length - 1; i >= 0; i--)
        {
            var layer = _frozen[i];
            if (layer.Values.TryGetValue(key, out value)) return true;
            if (layer.Tombstones?.Contains(key) ?? false) break;
        }
        value = default;
        return false;
    }
}
