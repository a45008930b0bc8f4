using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Tumbling and sliding event-time windows with an incremental aggregate, by slicing (as Flink SQL's window
/// aggregation): time is cut into slices of gcd(size, slide), a record goes into its one slice, and a window combines
/// its slices when it fires, so a record costs the same at any size/slide. Per key, value state <c>window-slices</c>
/// holds the slices (<see cref="SliceBuffer{TAcc}"/>) and the end of the next window to fire. No per-key timers: windows
/// are aligned, so a calendar of window ends for the whole subtask (each with the keys whose next window ends then) is
/// fired by the watermark (<see cref="IWatermarkDrivenFunction{TKey, TOut}"/>), in order of end and, per end, of
/// arrival, or, when most keys are due, by one pass over the state (each key's windows in order of end); it is not in
/// snapshots but rebuilt from the slices after a restore. Semantics are those of the window operator with the
/// default trigger and no allowed lateness: a window fires once when the watermark passes its end; a record whose
/// every window has fired is late (dropped, counted); a record joins the windows that have not fired yet.
/// </summary>
internal sealed class SlicingWindowFunction<TKey, TIn, TAcc, TResult, TOut> : KeyedProcessFunction<TKey, TIn, TOut>, ILateRecordsMetric, IWatermarkDrivenFunction<TKey, TOut>
    where TKey : notnull
{
    /// <summary>The value state holding each key's slices.</summary>
    public const string SlicesState = "window-slices";

    private static readonly ValueStateDescriptor<SliceBuffer<TAcc>> Descriptor = new(SlicesState);
    private readonly long _size;
    private readonly long _slide;
    private readonly long _windowOffset;
    private readonly long _slice;
    private readonly long _sliceOffset;
    private readonly long _endOffset;
    private readonly IAggregateFunction<TIn, TAcc, TResult> _aggregate;
    private readonly IWindowEmitter<TKey, TResult, TOut, TimeWindow> _emitter;
    private readonly SliceWindowContext _context = new();
    private IValueState<SliceBuffer<TAcc>> _slices = null!;
    private IValueRefState<SliceBuffer<TAcc>> _slots = null!; // the same state, updated in place
    private readonly SortedDictionary<long, List<TKey>> _calendar = []; // window end → keys whose next window ends then
    private bool _calendarRebuilt;
    private List<TKey>? _lastScheduled; // the calendar's list for _lastScheduledEnd, while no firing removed it
    private long _lastScheduledEnd;
    private long _keysWithSlices; // keys whose slices state is not empty
    private long _watermark = long.MinValue; // the operator's, as OnWatermark gave it (not in snapshots: regenerated after a restore)
    private long _cachedSliceStart = long.MaxValue, _cachedSliceEnd = long.MinValue; // the last record's slice (empty at first)
    private long _cachedLastWindowEnd, _cachedFirstWindowEnd; // of the windows holding that slice: functions of the slice alone


    private const long NoNextFire = long.MinValue;

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

    /// <summary>
    /// When the due keys times this reach the keys with slices, a watermark fires by one pass over the state instead of a
    /// state access per due key (0: never; tests set it to force either way).
    /// </summary>
    internal long BulkFiringRatio { get; init; } = 4;

    /// <summary>Where late records go instead of being dropped (<c>SideOutputLateData</c>), if anywhere.</summary>
    public OutputTag<TIn>? LateData { get; init; }

    public override void Open(IRuntimeContext context)
    {
        _slices = context.State.GetState(Descriptor);
        _slots = _slices as IValueRefState<SliceBuffer<TAcc>>
            ?? throw new InvalidOperationException($"The slicing window operator needs a state backend with in-place value updates; {_slices.GetType().Name} has none.");
        _emitter.Open(context);
    }

    public override void ProcessElement(TIn value, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        var timestamp = context.Timestamp ?? throw new InvalidOperationException(
            "An event-time window needs each record's event time: give the source a WatermarkStrategy (AddSource(source, strategy)).");
        var watermark = _watermark;
        if (!_calendarRebuilt) RebuildCalendar(context);
        if (timestamp < _cachedSliceStart || timestamp >= _cachedSliceEnd) CacheSliceOf(timestamp); // records come nearly in time order
        if (_cachedLastWindowEnd - 1 <= watermark)
        {
            if (LateData is not null) context.Output(LateData, value); // every window of the record has fired
            else LateRecordsDropped++;
            return;
        }

        var sliceEnd = _cachedSliceEnd;
        ref var slices = ref _slots.GetValueRefOrAddDefault(out var exists); // one state access: updated in place below
        if (!exists) _keysWithSlices++;
        var index = exists ? slices.IndexOf(sliceEnd) : -1;
        if (index >= 0) slices.SetAccumulator(index, _aggregate.Add(value, slices.AccumulatorAt(index)));
        else slices.Insert(sliceEnd, _aggregate.Add(value, _aggregate.CreateAccumulator()));

        var fire = _cachedFirstWindowEnd;
        if (fire - 1 <= watermark) fire = NextWindowEndAfter(watermark + 1); // its earlier windows have fired already
        if (!exists || fire < slices.NextFire)
        {
            Schedule(context.CurrentKey, fire);
            slices.NextFire = fire;
        }
    }

    /// <summary>
    /// Timers of snapshots taken before the calendar replaced them: ignored, the calendar rebuilt from the slices holds
    /// every key's next window.
    /// </summary>
    public override void OnTimer(long timestamp, OnTimerContext<TKey> context, ICollector<TOut> output) { }

    public void OnWatermark(long watermark, KeyedContext<TKey> context, Action<TKey> selectKey, ICollector<TOut> output)
    {
        _watermark = Math.Max(_watermark, watermark);
        if (!_calendarRebuilt) RebuildCalendar(context);
        var due = 0L;
        foreach (var (end, keys) in _calendar)
        {
            if (end - 1 > watermark) break;
            due += keys.Count;
        }
        if (due == 0) return;
        _lastScheduled = null;
        if (due * BulkFiringRatio >= _keysWithSlices)
        {
            FireAllDue(watermark, context, output);
            return;
        }
        while (_calendar.Count > 0)
        {
            var (end, keys) = _calendar.First();
            if (end - 1 > watermark) return;
            _calendar.Remove(end);
            foreach (var key in keys)
            {
                selectKey(key);
                ref var slices = ref _slots.GetValueRefOrNullRef();
                if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slices) || slices.NextFire != end) continue; // the key's next window moved earlier and fired
                if (Fire(ref slices, context, output) is var next and not NoNextFire) Schedule(key, next);
            }
        }
    }

    /// <summary>
    /// Most keys are due (a watermark that jumped far, or a window every key is in): visits every key in the state's
    /// own order, a sequential pass over its memory instead of a random access per due key, and fires each key's due
    /// windows in order of end. Results of different keys then come in the state's order rather than by window end (each
    /// still carries its window's end − 1 as timestamp, and all of them precede the watermark that fired them).
    /// </summary>
    private void FireAllDue(long watermark, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        while (_calendar.Count > 0 && _calendar.First().Key - 1 <= watermark) _calendar.Remove(_calendar.First().Key);
        context.ApplyToAllKeys(Descriptor, key =>
        {
            while (true)
            {
                ref var slices = ref _slots.GetValueRefOrNullRef(); // again after each result: the emitter may have touched state
                if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slices)) return;
                if (slices.NextFire - 1 > watermark)
                {
                    Schedule(key, slices.NextFire);
                    return;
                }
                if (Fire(ref slices, context, output) == NoNextFire) return;
            }
        });
    }

    private void Schedule(TKey key, long end)
    {
        if (_lastScheduled is null || _lastScheduledEnd != end)
        {
            if (!_calendar.TryGetValue(end, out var keys)) _calendar[end] = keys = [];
            (_lastScheduled, _lastScheduledEnd) = (keys, end); // records come nearly in time order: the same end again and again
        }
        _lastScheduled.Add(key);
    }

    /// <summary>After a restore: every key with slices is due at its next window end (in key order of the state, which is
    /// deterministic per restore but not across them; results do not depend on it).</summary>
    private void RebuildCalendar(KeyedContext<TKey> context)
    {
        _calendarRebuilt = true;
        _keysWithSlices = 0;
        context.ApplyToAllKeys(Descriptor, key =>
        {
            if (!_slices.TryGetValue(out var slices)) return;
            Schedule(key, slices.NextFire);
            _keysWithSlices++;
        });
    }

    /// <summary>
    /// The current key's window ending at <paramref name="slices"/>' next fire fires: its result goes out, the slices no
    /// later window holds are dropped, and the next fire moves on. Returns the key's next fire, or
    /// <see cref="NoNextFire"/> when its state was cleared.
    /// </summary>
    private long Fire(ref SliceBuffer<TAcc> slices, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        var end = slices.NextFire;
        context.SetOutputTimestamp(end - 1);

        var start = end - _size;
        var found = false;
        TAcc accumulator = default!;
        for (var i = 0; i < slices.Count; i++)
        {
            var sliceEnd = slices.EndAt(i);
            if (sliceEnd <= start || sliceEnd > end) continue;
            accumulator = found ? _aggregate.Merge(accumulator, slices.AccumulatorAt(i)) : FirstOf(slices.AccumulatorAt(i));
            found = true;
        }
        slices.RemoveThrough(end + _slide - _size); // no later window holds them
        var next = NoNextFire;
        if (slices.Count > 0)
        {
            slices.NextFire = next = Math.Max(end + _slide, FirstWindowEnd(slices.FirstEnd));
        }
        else
        {
            _slices.Clear();
            _keysWithSlices--;
        }
        if (found) // last: the slot is no longer used
        {
            _context.Current = new TimeWindow(start, end);
            _context.Timers = context.TimerService;
            _emitter.Emit(context.CurrentKey, _aggregate.GetResult(accumulator), _context, output);
        }
        return next;
    }

    /// <summary>
    /// Remembers the slice of <paramref name="timestamp"/> and the ends of the first and last window holding it: window
    /// bounds are slice bounds, so they hold for every timestamp in the slice (three divisions per new slice, not per record).
    /// </summary>
    private void CacheSliceOf(long timestamp)
    {
        _cachedSliceStart = TimeWindow.StartOf(timestamp, _sliceOffset, _slice);
        _cachedSliceEnd = _cachedSliceStart + _slice;
        _cachedLastWindowEnd = TimeWindow.StartOf(timestamp, _windowOffset, _slide) + _size;
        _cachedFirstWindowEnd = FirstWindowEnd(_cachedSliceEnd);
    }

    /// <summary>
    /// A slice's accumulator as the start of a combination: itself for tumbling windows (one slice each), else a merge
    /// into a fresh accumulator, so merging never changes a slice's.
    /// </summary>
    private TAcc FirstOf(TAcc accumulator) => _slice == _size ? accumulator : _aggregate.Merge(_aggregate.CreateAccumulator(), accumulator);

    /// <summary>The end of the first window that holds the slice ending at <paramref name="sliceEnd"/>.</summary>
    private long FirstWindowEnd(long sliceEnd) => TimeWindow.StartOf(sliceEnd - 1, _endOffset, _slide) + _slide;

    /// <summary>The first window end after <paramref name="time"/>.</summary>
    private long NextWindowEndAfter(long time) => TimeWindow.StartOf(time, _endOffset, _slide) + _slide;

    private static long Gcd(long a, long b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
