using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Tumbling and sliding event-time windows with an incremental aggregate, by slicing (as Flink SQL's window
/// aggregation): time is cut into slices of gcd(size, slide), a record goes into its one slice, and a window combines
/// its slices when it fires, so a record costs the same at any size/slide. Per key, value state <c>window-slices</c>
/// holds the slices (<see cref="SliceBuffer{TAcc}"/>) and the end of the next window to fire. No per-key timers: windows
/// are aligned, so a calendar of window ends for the whole subtask (each with the keys whose next window ends then) is
/// fired by the watermark (<see cref="IWatermarkDrivenFunction{TKey, TOut}"/>), in order of end and, per end, of
/// arrival; it is not in snapshots but rebuilt from the slices after a restore. Semantics are those of the window operator with the
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
        _slices = context.State.GetState(Descriptor);
        _slots = _slices as IValueRefState<SliceBuffer<TAcc>>
            ?? throw new InvalidOperationException($"The slicing window operator needs a state backend with in-place value updates; {_slices.GetType().Name} has none.");
        _emitter.Open(context);
    }

    public override void ProcessElement(TIn value, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        var timestamp = context.Timestamp ?? throw new InvalidOperationException(
            "An event-time window needs each record's event time: give the source a WatermarkStrategy (AddSource(source, strategy)).");
        var watermark = context.TimerService.CurrentWatermark();
        if (!_calendarRebuilt) RebuildCalendar(context);
        var lastWindowEnd = TimeWindow.StartOf(timestamp, _windowOffset, _slide) + _size;
        if (lastWindowEnd - 1 <= watermark)
        {
            if (LateData is not null) context.Output(LateData, value); // every window of the record has fired
            else LateRecordsDropped++;
            return;
        }

        var sliceEnd = TimeWindow.StartOf(timestamp, _sliceOffset, _slice) + _slice;
        ref var slices = ref _slots.GetValueRefOrAddDefault(out var exists); // one state access: updated in place below
        var index = exists ? slices.IndexOf(sliceEnd) : -1;
        if (index >= 0) slices.SetAccumulator(index, _aggregate.Add(value, slices.AccumulatorAt(index)));
        else slices.Insert(sliceEnd, _aggregate.Add(value, _aggregate.CreateAccumulator()));

        var fire = FirstWindowEnd(sliceEnd);
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
        if (!_calendarRebuilt) RebuildCalendar(context);
        while (_calendar.Count > 0)
        {
            var (end, keys) = _calendar.First();
            if (end - 1 > watermark) return;
            _calendar.Remove(end);
            foreach (var key in keys)
            {
                selectKey(key);
                Fire(end, context, output);
            }
        }
    }

    private void Schedule(TKey key, long end)
    {
        if (!_calendar.TryGetValue(end, out var keys)) _calendar[end] = keys = [];
        keys.Add(key);
    }

    /// <summary>After a restore: every key with slices is due at its next window end (in key order of the state, which is
    /// deterministic per restore but not across them; results do not depend on it).</summary>
    private void RebuildCalendar(KeyedContext<TKey> context)
    {
        _calendarRebuilt = true;
        context.ApplyToAllKeys(Descriptor, key =>
        {
            if (_slices.TryGetValue(out var slices)) Schedule(key, slices.NextFire);
        });
    }

    /// <summary>The window ending at <paramref name="end"/> of the current key fires (when it is still the key's next).</summary>
    private void Fire(long end, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        ref var slices = ref _slots.GetValueRefOrNullRef(); // updated in place; the emitter runs last, when the slot is no longer used
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref slices) || slices.NextFire != end) return; // the key's next window moved earlier and fired
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
        if (slices.Count == 0)
        {
            _slices.Clear();
        }
        else
        {
            var next = Math.Max(end + _slide, FirstWindowEnd(slices.FirstEnd));
            Schedule(context.CurrentKey, next);
            slices.NextFire = next;
        }
        if (found)
        {
            _context.Current = new TimeWindow(start, end);
            _context.Timers = context.TimerService;
            _emitter.Emit(context.CurrentKey, _aggregate.GetResult(accumulator), _context, output);
        }
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
