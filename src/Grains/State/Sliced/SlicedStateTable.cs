using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Orleans.Serialization;
using OrleansFlow.Api.Windowing;

namespace OrleansFlow.State.Sliced;

/// <summary>
/// The <see cref="ISliceState{TKey, TAcc}"/> of the heap backend: one dictionary per slice end (key → accumulator and key group),
/// ordered by end. A record costs one lookup in its slice's map, which the operator reaches through a one-entry cache
/// (records come nearly in time order); a firing walks whole maps. Snapshots: <see cref="Freeze"/> captures the slice
/// maps (O(slices)); a captured map is copied on its first write after the capture (only the slices still written, the
/// newest ones), and the capture is turned into each key's <see cref="SliceBuffer{TAcc}"/> off the owner thread, in the
/// value-state format the per-key layout writes. Emptied maps are kept for reuse, at most as many as slices were live at
/// once (so the pool never holds more than the state did at its peak), and a new map starts at the size of the last
/// emptied one: a steady stream of slices allocates nothing and resizes nothing. Owner thread only, except the
/// snapshot's write.
/// </summary>
internal sealed class SlicedStateTable<TKey, TAcc> : StateTable<TKey>, ISliceState<TKey, TAcc> where TKey : notnull
{
    private readonly HeapKeyedStateBackend<TKey> _backend;
    private readonly int _keyGroupCount;
    private readonly Func<TKey, int> _keyGroupIndexOf;
    private readonly int _firstKeyGroup;
    private readonly Func<StateCopyPolicy<TAcc>> _policyFactory;
    private readonly Func<long, long, long> _nextFire;
    private readonly Dictionary<long, SliceMap<TKey, TAcc>> _byEnd = [];
    private readonly SortedSet<long> _ends = [];
    private readonly Stack<Dictionary<TKey, SliceEntry<TAcc>>> _pool = new();
    private StateCopyPolicy<TAcc>? _policy;
    private int _peakSlices; // the most slices held at once
    private int _lastSliceSize; // entries of the last emptied slice: a new one starts that large
    private SliceMap<TKey, TAcc>? _last; // the slice of the last GetOrAddAccumulator
    private long _lastEnd;
    private Dictionary<TKey, long>? _restoredNextFire; // replaced, never changed in place: snapshots share it
    private long _maxRestoredNextFire = long.MinValue;

    /// <summary>
    /// Creates the table of state <paramref name="name"/> over <paramref name="backend"/>'s current key;
    /// <paramref name="nextFire"/> gives a key's next window end (from its earliest slice end and the last end fired).
    /// </summary>
    public SlicedStateTable(
        string name, string signature, HeapKeyedStateBackend<TKey> backend, int keyGroupCount, Func<TKey, int> keyGroupIndexOf,
        Func<StateCopyPolicy<TAcc>> policyFactory, Func<long, long, long> nextFire)
        : base(name, StateKind.Value, signature)
    {
        _backend = backend;
        _keyGroupCount = keyGroupCount;
        _keyGroupIndexOf = keyGroupIndexOf;
        _firstKeyGroup = backend.KeyGroupRange.StartKeyGroup;
        _policyFactory = policyFactory;
        _nextFire = nextFire;
    }

    /// <inheritdoc />
    public override string ValueTypeName => KeyedStateSnapshotFormat.FormatTypeName(typeof(SliceBuffer<TAcc>));

    /// <inheritdoc />
    public long FirstSliceEnd => _ends.Count > 0 ? _ends.Min : long.MaxValue;

    /// <inheritdoc />
    public long FiredThrough { get; set; } = long.MinValue;

    /// <inheritdoc />
    public bool HasRestoredNextFires => _restoredNextFire is not null;

    /// <summary>How many slices there are (for tests).</summary>
    internal int SliceCount => _ends.Count;

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref TAcc GetOrAddAccumulator(long sliceEnd, out bool exists)
    {
        var slice = _last is not null && _lastEnd == sliceEnd && _last.Captures == 0 ? _last : Writable(sliceEnd);
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(slice.Entries, CurrentKey, out exists);
        if (!exists) entry.KeyGroup = _backend.CurrentKeyGroup;
        return ref entry.Accumulator!;
    }

    /// <inheritdoc />
    public bool TryGetSlice(long sliceEnd, out Dictionary<TKey, SliceEntry<TAcc>> entries)
    {
        if (_byEnd.TryGetValue(sliceEnd, out var slice))
        {
            entries = slice.Entries;
            return true;
        }
        entries = null!;
        return false;
    }

    /// <inheritdoc />
    public void RemoveSlicesThrough(long end)
    {
        while (_ends.Count > 0 && _ends.Min is var first && first <= end)
        {
            _ends.Remove(first);
            _byEnd.Remove(first, out var slice);
            if (ReferenceEquals(slice, _last)) _last = null;
            if (slice!.Captures == 0) Recycle(slice.Entries);
        }
    }

    /// <inheritdoc />
    public long RestoredNextFire(TKey key) => _restoredNextFire is { } restored && restored.TryGetValue(key, out var end) ? end : long.MinValue;

    /// <inheritdoc />
    public void ForgetRestoredNextFiresBefore(long windowEnd)
    {
        if (_restoredNextFire is not null && windowEnd >= _maxRestoredNextFire) _restoredNextFire = null;
    }

    /// <summary>Removes the current key from every slice.</summary>
    public void Clear()
    {
        var key = CurrentKey;
        foreach (var end in _ends.ToArray())
        {
            if (!_byEnd[end].Entries.ContainsKey(key)) continue;
            var slice = Writable(end);
            slice.Entries.Remove(key);
            if (slice.Entries.Count > 0) continue;
            _ends.Remove(end);
            _byEnd.Remove(end);
            if (ReferenceEquals(slice, _last)) _last = null;
            Recycle(slice.Entries);
        }
    }

    /// <inheritdoc />
    public override void PrepareFreeze()
    {
        try
        {
            _policy ??= _policyFactory();
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"State '{Name}' ({Signature}) cannot be snapshotted: Orleans cannot copy its accumulators: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public override StateTableSnapshot Freeze()
    {
        var captured = new (long End, SliceMap<TKey, TAcc> Slice)[_ends.Count];
        var i = 0;
        foreach (var end in _ends)
        {
            var slice = _byEnd[end];
            slice.Captures++;
            captured[i++] = (end, slice);
        }
        var entries = new SliceBufferEntries<TKey, TAcc>(captured, FiredThrough, _restoredNextFire, _nextFire);
        return new HeapStateTableSnapshot<TKey, SliceBuffer<TAcc>>(entries, () => Release(captured), _keyGroupIndexOf, _keyGroupCount, Name);
    }

    /// <inheritdoc />
    public override Action PrepareRestore(IEnumerable<RestoredStateChunk> chunks, Serializer serializer, string storedValueTypeName)
    {
        var decoded = chunks.Select(chunk => RestoredStateChunkDecoder.Decode<TKey, SliceBuffer<TAcc>>(chunk, serializer, Name, Signature)).ToList();
        return () =>
        {
            var nextFires = _restoredNextFire is null ? new Dictionary<TKey, long>() : new Dictionary<TKey, long>(_restoredNextFire);
            foreach (var (keys, buffers) in decoded)
            {
                for (var k = 0; k < keys.Length; k++)
                {
                    var buffer = buffers[k];
                    if (buffer.Count == 0) continue;
                    var keyGroup = _keyGroupIndexOf(keys[k]) + _firstKeyGroup;
                    for (var s = 0; s < buffer.Count; s++)
                        Writable(buffer.EndAt(s)).Entries[keys[k]] = new SliceEntry<TAcc> { Accumulator = buffer.AccumulatorAt(s), KeyGroup = keyGroup };
                    nextFires[keys[k]] = buffer.NextFire;
                    _maxRestoredNextFire = Math.Max(_maxRestoredNextFire, buffer.NextFire);
                }
            }
            _restoredNextFire = nextFires.Count > 0 ? nextFires : _restoredNextFire;
        };
    }

    /// <inheritdoc />
    public override void CollectKeys(List<(TKey Key, int KeyGroupIndex)> keys)
    {
        var seen = new HashSet<TKey>();
        foreach (var end in _ends)
        {
            foreach (var key in _byEnd[end].Entries.Keys)
                if (seen.Add(key)) keys.Add((key, _keyGroupIndexOf(key)));
        }
    }

    private TKey CurrentKey
    {
        get
        {
            if (_backend.CurrentKeyGroupIndex < 0) HeapKeyedStateBackend<TKey>.ThrowNoCurrentKey(Name);
            return _backend.CurrentKeyUnchecked;
        }
    }

    /// <summary>The slice ending at <paramref name="end"/>, created when absent, copied first when a snapshot captured it.</summary>
    private SliceMap<TKey, TAcc> Writable(long end)
    {
        if (!_byEnd.TryGetValue(end, out var slice))
        {
            slice = new SliceMap<TKey, TAcc>(Rent());
            _byEnd.Add(end, slice);
            _ends.Add(end);
            _peakSlices = Math.Max(_peakSlices, _ends.Count);
        }
        else if (slice.Captures > 0)
        {
            var copy = new SliceMap<TKey, TAcc>(Rent());
            copy.Entries.EnsureCapacity(slice.Entries.Count);
            var policy = _policy!;
            var deep = policy.CopyOnWrite || policy.CopyOnRead; // a mutable accumulator: the capture keeps its own
            foreach (var (key, entry) in slice.Entries)
                copy.Entries.Add(key, deep ? new SliceEntry<TAcc> { Accumulator = policy.Copy(entry.Accumulator), KeyGroup = entry.KeyGroup } : entry);
            _byEnd[end] = slice = copy;
        }
        (_last, _lastEnd) = (slice, end);
        return slice;
    }

    /// <summary>A snapshot is done with the slices it captured (owner thread): those no longer in the table are reused.</summary>
    private void Release((long End, SliceMap<TKey, TAcc> Slice)[] captured)
    {
        foreach (var (end, slice) in captured)
        {
            if (--slice.Captures > 0) continue;
            if (!_byEnd.TryGetValue(end, out var current) || !ReferenceEquals(current, slice)) Recycle(slice.Entries);
        }
    }

    private Dictionary<TKey, SliceEntry<TAcc>> Rent() => _pool.TryPop(out var entries) ? entries : new Dictionary<TKey, SliceEntry<TAcc>>(_lastSliceSize);

    private void Recycle(Dictionary<TKey, SliceEntry<TAcc>> entries)
    {
        _lastSliceSize = entries.Count;
        if (_pool.Count >= _peakSlices) return;
        entries.Clear();
        _pool.Push(entries);
    }
}
