using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>
/// The window operator (Flink's <c>WindowOperator</c>) as a keyed process function: each element goes into the windows
/// its assigner gives, its accumulator per (key, window) is map state <c>window-contents</c> keyed by window, the
/// trigger decides on each element and timer whether to fire and purge, and each window is cleared at its cleanup time
/// (its end plus the allowed lateness, by a timer of the assigner's time domain). Merging assigners (sessions) merge
/// a new window with every window of the key it intersects, merging their accumulators. An element whose every window
/// is past its cleanup time is late: dropped and counted (<see cref="LateRecordsDropped"/>). Timers are per key and
/// shared by its windows: each timer offers itself to every window of the key, and a window acts only on its own times.
/// </summary>
internal sealed class WindowOperatorFunction<TKey, TIn, TAcc, TResult, TOut, TWindow> : KeyedProcessFunction<TKey, TIn, TOut>, ILateRecordsMetric
    where TKey : notnull where TWindow : struct, IWindow
{
    /// <summary>The map state of the windows' accumulators.</summary>
    public static readonly string ContentsState = "window-contents";

    private readonly WindowAssigner<TWindow> _assigner;
    private readonly Trigger<TWindow> _trigger;
    private readonly long _allowedLateness;
    private readonly IAggregateFunction<TIn, TAcc, TResult> _aggregate;
    private readonly IWindowEmitter<TKey, TResult, TOut, TWindow> _emitter;
    private readonly WindowFunctionContext<TWindow> _context = new();
    private readonly List<TWindow> _assigned = [];
    private readonly List<KeyValuePair<TWindow, TAcc>> _windows = [];
    private readonly bool _eventTime;
    private IMapState<TWindow, TAcc> _contents = null!;

    public WindowOperatorFunction(
        WindowAssigner<TWindow> assigner, Trigger<TWindow> trigger, long allowedLateness,
        IAggregateFunction<TIn, TAcc, TResult> aggregate, IWindowEmitter<TKey, TResult, TOut, TWindow> emitter)
    {
        _assigner = assigner;
        _trigger = trigger;
        _allowedLateness = allowedLateness;
        _aggregate = aggregate;
        _emitter = emitter;
        _eventTime = assigner.IsEventTime;
    }

    /// <summary>Elements dropped because every window they belong to was already cleaned up.</summary>
    public long LateRecordsDropped { get; private set; }

    /// <summary>Where late records go instead of being dropped (<c>SideOutputLateData</c>), if anywhere.</summary>
    public OutputTag<TIn>? LateData { get; init; }

    public override void Open(IRuntimeContext context)
    {
        _contents = context.State.GetMapState(new MapStateDescriptor<TWindow, TAcc>(ContentsState));
        _context.Open(context.State);
        _emitter.Open(context);
    }

    public override void ProcessElement(TIn value, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        var timers = context.TimerService;
        _context.Bind(timers);
        long timestamp;
        long processingTime = 0;
        if (_eventTime)
        {
            timestamp = context.Timestamp ?? throw new InvalidOperationException(
                "An event-time window needs each record's event time: give the source a WatermarkStrategy (AddSource(source, strategy)).");
        }
        else
        {
            processingTime = timers.CurrentProcessingTime();
            timestamp = context.Timestamp ?? processingTime;
        }

        _assigned.Clear();
        _assigner.AssignWindows(timestamp, processingTime, _assigned);
        var watermark = _eventTime ? timers.CurrentWatermark() : long.MinValue;
        var accepted = false;
        foreach (var assigned in _assigned)
        {
            if (_eventTime && CleanupTime(assigned) <= watermark) continue; // this window is gone
            accepted = true;
            var window = _assigner.IsMerging ? MergeWithExisting(assigned, context.CurrentKey, output) : assigned;
            var isNew = !_contents.TryGetValue(window, out var accumulator);
            if (isNew) accumulator = _aggregate.CreateAccumulator();
            accumulator = _aggregate.Add(value, accumulator);
            _contents.Put(window, accumulator);
            if (isNew) RegisterCleanupTimer(window);
            _context.Current = window;
            if (Act(_trigger.OnElement(timestamp, window, _context), window, accumulator, context, output) is var fired && fired.Emitted && context.Timestamp is { } own)
                context.SetOutputTimestamp(own); // back to the record's own time for its other windows
        }
        if (accepted) return;
        if (LateData is not null) context.Output(LateData, value);
        else LateRecordsDropped++;
    }

    public override void OnTimer(long timestamp, OnTimerContext<TKey> context, ICollector<TOut> output)
    {
        _context.Bind(context.TimerService);
        _windows.Clear();
        _windows.AddRange(_contents.Entries()); // copied: firing and cleanup change the key's windows
        var cleanupDomain = _eventTime ? TimeDomain.EventTime : TimeDomain.ProcessingTime;
        foreach (var (window, accumulator) in _windows)
        {
            _context.Current = window;
            var result = context.TimeDomain == TimeDomain.EventTime
                ? _trigger.OnEventTime(timestamp, window, _context)
                : _trigger.OnProcessingTime(timestamp, window, _context);
            var (_, purged) = Act(result, window, accumulator, context, output);
            if (!purged && context.TimeDomain == cleanupDomain && timestamp >= CleanupTime(window)) Clear(window);
        }
    }

    /// <summary>
    /// Fires and purges as the trigger said: a firing's output carries the window's max timestamp as its event time (as
    /// in Flink, also for a late firing). Says whether it emitted and whether the contents were purged.
    /// </summary>
    private (bool Emitted, bool Purged) Act(TriggerResult result, TWindow window, TAcc accumulator, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        var emitted = result is TriggerResult.Fire or TriggerResult.FireAndPurge;
        if (emitted)
        {
            _context.Current = window;
            context.SetOutputTimestamp(window.MaxTimestamp);
            _emitter.Emit(context.CurrentKey, _aggregate.GetResult(accumulator), _context, output);
        }
        if (result is not (TriggerResult.Purge or TriggerResult.FireAndPurge)) return (emitted, false);
        Clear(window);
        return (emitted, true);
    }

    private void Clear(TWindow window)
    {
        _contents.Remove(window);
        _context.Current = window;
        _trigger.Clear(window, _context);
        _context.ClearStates(window);
    }

    /// <summary>
    /// Merges <paramref name="window"/> with every window of the current key it intersects: their accumulators merge
    /// into the covering window, which the trigger learns of (<see cref="Trigger{TWindow}.OnMerge"/>). Returns the
    /// window the element goes into.
    /// </summary>
    private TWindow MergeWithExisting(TWindow window, TKey key, ICollector<TOut> output)
    {
        if (window is not TimeWindow time) return window;
        _windows.Clear();
        foreach (var entry in _contents.Entries())
        {
            if (entry.Key is TimeWindow existing && existing.Intersects(time)) _windows.Add(entry);
        }
        if (_windows.Count == 0) return window;
        var cover = time;
        foreach (var (existing, _) in _windows) cover = cover.Cover((TimeWindow)(object)existing);
        var merged = (TWindow)(object)cover;
        if (_windows.Count == 1 && _windows[0].Key.Equals(merged)) return merged; // inside one session already

        var accumulator = _windows[0].Value;
        for (var i = 1; i < _windows.Count; i++) accumulator = _aggregate.Merge(accumulator, _windows[i].Value);
        foreach (var (existing, _) in _windows)
        {
            if (!existing.Equals(merged)) Clear(existing);
        }
        _contents.Put(merged, accumulator);
        RegisterCleanupTimer(merged);
        _context.Current = merged;
        _trigger.OnMerge(merged, _context);
        return merged;
    }

    private long CleanupTime(TWindow window)
    {
        var end = window.MaxTimestamp;
        if (!_eventTime) return end;
        return end > long.MaxValue - _allowedLateness ? long.MaxValue : end + _allowedLateness;
    }

    private void RegisterCleanupTimer(TWindow window)
    {
        var time = CleanupTime(window);
        if (time == long.MaxValue) return; // never cleaned up (a global window)
        if (_eventTime) _context.RegisterEventTimeTimer(time);
        else _context.RegisterProcessingTimeTimer(time);
    }
}
