using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Tumbling and sliding event-time windows with an incremental aggregate, by slicing (as Flink SQL's window
/// aggregation): time is cut into slices of gcd(size, slide), a record goes into its one slice, and a window combines
/// its slices when it fires, so a record costs the same at any size/slide. The state is laid out by slice
/// (<see cref="ISliceState{TKey, TAcc}"/>, named <c>window-slices</c>, stored per key as <see cref="SliceBuffer{TAcc}"/>):
/// a record touches only its slice's map and a window fires by walking its slices' maps, in order of window end, as the
/// watermark passes it (<see cref="IWatermarkDrivenFunction{TKey, TOut}"/>: windows are aligned, so no per-key timers).
/// Semantics are those of the window operator with the default trigger and no allowed lateness: a window fires once
/// when the watermark passes its end; a record whose every window has fired is late (dropped, counted); a record joins
/// the windows that have not fired yet. After a restore, a key's stored next window end keeps its earlier windows from
/// firing again (a subtask restores keys from subtasks whose watermarks differed).
/// </summary>
internal sealed class SlicingWindowFunction<TKey, TIn, TAcc, TResult, TOut> : KeyedProcessFunction<TKey, TIn, TOut>, ILateRecordsMetric, IWatermarkDrivenFunction<TKey, TOut>
    where TKey : notnull
{
    /// <summary>The keyed state holding the slices.</summary>
    public const string SlicesState = "window-slices";

    private readonly long _size;
    private readonly long _slide;
    private readonly long _windowOffset;
    private readonly long _slice;
    private readonly long _sliceOffset;
    private readonly long _endOffset;
    private readonly IAggregateFunction<TIn, TAcc, TResult> _aggregate;
    private readonly IWindowEmitter<TKey, TResult, TOut, TimeWindow> _emitter;
    private readonly SliceWindowContext _context = new();
    private readonly Dictionary<TKey, SliceEntry<TAcc>> _merged = []; // a sliding window's slices combined per key (reused)
    private ISliceState<TKey, TAcc> _slices = null!;
    private long _nextWindowEnd = long.MinValue; // no window before it fires again
    private long _watermark = long.MinValue; // the operator's, as OnWatermark gave it (not in snapshots: regenerated after a restore)
    private long _cachedSliceStart = long.MaxValue, _cachedSliceEnd = long.MinValue; // the last record's slice (none at first)
    private long _cachedLastWindowEnd; // of the last window holding that slice: a function of the slice alone

    /// <summary>Windows of <paramref name="size"/> every <paramref name="slide"/> (equal: tumbling), aligned to the epoch plus <paramref name="offset"/>.</summary>
    public SlicingWindowFunction(long size, long slide, long offset, IAggregateFunction<TIn, TAcc, TResult> aggregate, IWindowEmitter<TKey, TResult, TOut, TimeWindow> emitter)
    {
        _size = size;
        _slide = slide;
        _windowOffset = offset;
        _slice = Gcd(size, slide);
        _sliceOffset = offset % _slice;
        _endOffset = (offset + size) % slide;
        _aggregate = aggregate;
        _emitter = emitter;
    }

    public long LateRecordsDropped { get; private set; }

    /// <summary>Where late records go instead of being dropped (<c>SideOutputLateData</c>), if anywhere.</summary>
    public OutputTag<TIn>? LateData { get; init; }

    public override void Open(IRuntimeContext context)
    {
        var store = context.State as ISliceStateStore<TKey>
            ?? throw new InvalidOperationException($"The slicing window operator needs a state backend with slice state; {context.State.GetType().Name} has none.");
        _slices = store.GetSliceState<TAcc>(SlicesState, NextFireOf);
        _emitter.Open(context);
    }

    public override void ProcessElement(TIn value, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        var timestamp = context.Timestamp ?? throw new InvalidOperationException(
            "An event-time window needs each record's event time: give the source a WatermarkStrategy (AddSource(source, strategy)).");
        if (timestamp < _cachedSliceStart || timestamp >= _cachedSliceEnd) CacheSliceOf(timestamp); // records come nearly in time order
        if (_cachedLastWindowEnd - 1 <= _watermark)
        {
            if (LateData is not null) context.Output(LateData, value); // every window of the record has fired
            else LateRecordsDropped++;
            return;
        }
        ref var accumulator = ref _slices.GetOrAddAccumulator(_cachedSliceEnd, out var exists); // updated in place
        accumulator = _aggregate.Add(value, exists ? accumulator : _aggregate.CreateAccumulator());
    }

    /// <summary>
    /// Timers of snapshots taken before windows fired by the watermark alone: ignored, the slices and each key's stored
    /// next window end say what fires.
    /// </summary>
    public override void OnTimer(long timestamp, OnTimerContext<TKey> context, ICollector<TOut> output) { }

    /// <summary>Fires, in order of end, every window the watermark passed that holds a slice.</summary>
    public void OnWatermark(long watermark, KeyedContext<TKey> context, Action<TKey, int> selectKey, ICollector<TOut> output)
    {
        _watermark = Math.Max(_watermark, watermark);
        while (_slices.FirstSliceEnd is var first && first != long.MaxValue)
        {
            var end = Math.Max(FirstWindowEnd(first), _nextWindowEnd);
            if (end - 1 > _watermark) break;
            Fire(end, context, selectKey, output);
            _slices.RemoveSlicesThrough(end + _slide - _size); // no later window holds them
            _slices.FiredThrough = end;
            _nextWindowEnd = end + _slide;
            if (_slices.HasRestoredNextFires) _slices.ForgetRestoredNextFiresBefore(_nextWindowEnd);
        }
    }

    /// <summary>The window ending at <paramref name="end"/> fires for every key with records in its slices.</summary>
    private void Fire(long end, KeyedContext<TKey> context, Action<TKey, int> selectKey, ICollector<TOut> output)
    {
        var start = end - _size;
        _context.Current = new TimeWindow(start, end);
        _context.Timers = context.TimerService;
        if (_slice == _size)
        {
            if (_slices.TryGetSlice(end, out var entries)) Emit(entries, end, context, selectKey, output);
            return;
        }
        for (var sliceEnd = start + _slice; sliceEnd <= end; sliceEnd += _slice)
        {
            if (!_slices.TryGetSlice(sliceEnd, out var entries)) continue;
            foreach (var (key, entry) in entries)
            {
                ref var merged = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_merged, key, out var exists);
                merged.Accumulator = _aggregate.Merge(exists ? merged.Accumulator : _aggregate.CreateAccumulator(), entry.Accumulator); // never a slice's own
                merged.KeyGroup = entry.KeyGroup;
            }
        }
        if (_merged.Count == 0) return;
        try
        {
            Emit(_merged, end, context, selectKey, output);
        }
        finally
        {
            _merged.Clear();
        }
    }

    private void Emit(Dictionary<TKey, SliceEntry<TAcc>> entries, long end, KeyedContext<TKey> context, Action<TKey, int> selectKey, ICollector<TOut> output)
    {
        var restored = _slices.HasRestoredNextFires;
        foreach (var (key, entry) in entries)
        {
            if (restored && _slices.RestoredNextFire(key) > end) continue; // fired before the snapshot this key came from
            selectKey(key, entry.KeyGroup);
            context.SetOutputTimestamp(end - 1);
            _emitter.Emit(key, _aggregate.GetResult(entry.Accumulator), _context, output);
        }
    }

    /// <summary>A key's next window end in a snapshot: the first window of its earliest slice that has not fired.</summary>
    private long NextFireOf(long firstSliceEnd, long firedThrough) =>
        firedThrough == long.MinValue ? FirstWindowEnd(firstSliceEnd) : Math.Max(FirstWindowEnd(firstSliceEnd), firedThrough + _slide);

    /// <summary>
    /// Remembers the slice of <paramref name="timestamp"/> and the end of the last window holding it: window bounds are
    /// slice bounds, so it holds for every timestamp in the slice (two divisions per new slice, not per record).
    /// </summary>
    private void CacheSliceOf(long timestamp)
    {
        _cachedSliceStart = TimeWindow.StartOf(timestamp, _sliceOffset, _slice);
        _cachedSliceEnd = _cachedSliceStart + _slice;
        _cachedLastWindowEnd = TimeWindow.StartOf(timestamp, _windowOffset, _slide) + _size;
    }

    /// <summary>The end of the first window that holds the slice ending at <paramref name="sliceEnd"/>.</summary>
    private long FirstWindowEnd(long sliceEnd) => TimeWindow.StartOf(sliceEnd - 1, _endOffset, _slide) + _slide;

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
