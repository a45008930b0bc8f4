using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>
/// A keyed stream cut into windows (Flink's <c>WindowedStream</c>): set a <see cref="Trigger"/> and
/// <see cref="AllowedLateness"/> if needed, then evaluate each window with <see cref="Aggregate{TAcc, TOut}"/>,
/// <see cref="Reduce(Func{T, T, T})"/> (incremental: one accumulator per window) or <see cref="Process{TOut}"/> (every
/// element kept). The window operator's state is map state <c>window-contents</c> keyed by window, plus the trigger's.
/// </summary>
public sealed class WindowedStream<TKey, T, TWindow> where TKey : notnull where TWindow : struct, IWindow
{
    private readonly KeyedStream<TKey, T> _input;
    private readonly WindowAssigner<TWindow> _assigner;
    private Trigger<TWindow> _trigger;
    private long _allowedLateness;
    private OutputTag<T>? _lateData;

    internal WindowedStream(KeyedStream<TKey, T> input, WindowAssigner<TWindow> assigner)
    {
        _input = input;
        _assigner = assigner;
        _trigger = assigner.DefaultTrigger;
    }

    /// <summary>Replaces the assigner's default trigger. A merging assigner (sessions) needs a trigger that can merge.</summary>
    public WindowedStream<TKey, T, TWindow> Trigger(Trigger<TWindow> trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        if (_assigner.IsMerging && !trigger.CanMerge)
            throw new ArgumentException($"{_assigner.GetType().Name} merges windows, but trigger {trigger.GetType().Name} cannot merge (CanMerge is false).", nameof(trigger));
        _trigger = trigger;
        return this;
    }

    /// <summary>
    /// Keeps each event-time window for <paramref name="lateness"/> after its end: a record arriving then is added and
    /// fires the window again with the updated result (a late firing); after that it is dropped as late.
    /// </summary>
    public WindowedStream<TKey, T, TWindow> AllowedLateness(TimeSpan lateness)
    {
        if (lateness < TimeSpan.Zero || lateness.Ticks % TimeSpan.TicksPerMillisecond != 0)
            throw new ArgumentOutOfRangeException(nameof(lateness), lateness, "Allowed lateness must be zero or a positive whole number of milliseconds.");
        if (!_assigner.IsEventTime && lateness > TimeSpan.Zero)
            throw new ArgumentException($"Allowed lateness applies to event-time windows only; {_assigner.GetType().Name} is a processing-time assigner.", nameof(lateness));
        _allowedLateness = (long)lateness.TotalMilliseconds;
        return this;
    }

    /// <summary>
    /// Sends records that arrive after their every window was cleaned up (past the allowed lateness) to side output
    /// <paramref name="tag"/> instead of dropping them; read them with <see cref="DataStream{T}.GetSideOutput{TSide}"/>
    /// on the windowed result. Only records actually dropped count in <c>numLateRecordsDropped</c>.
    /// </summary>
    public WindowedStream<TKey, T, TWindow> SideOutputLateData(OutputTag<T> tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (!_assigner.IsEventTime) throw new ArgumentException($"Late data exists for event-time windows only; {_assigner.GetType().Name} is a processing-time assigner.", nameof(tag));
        _lateData = tag;
        return this;
    }

    /// <summary>Aggregates each window incrementally and emits the aggregate's result when it fires.</summary>
    public DataStream<TOut> Aggregate<TAcc, TOut>(IAggregateFunction<T, TAcc, TOut> aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return Incremental(aggregate, () => new ResultEmitter<TKey, TOut, TWindow>());
    }

    /// <summary>Aggregates each window incrementally and hands the one result to a process window function when it fires.</summary>
    public DataStream<TOut> Aggregate<TAcc, TResult, TOut>(
        IAggregateFunction<T, TAcc, TResult> aggregate, Func<ProcessWindowFunction<TResult, TOut, TKey, TWindow>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(functionFactory);
        return Incremental(aggregate, () => new SingleResultEmitter<TKey, TResult, TOut, TWindow>(functionFactory()));
    }

    /// <summary>Reduces each window's elements incrementally and emits the reduction when it fires.</summary>
    public DataStream<T> Reduce(Func<T, T, T> reduce)
    {
        ArgumentNullException.ThrowIfNull(reduce);
        return Aggregate(new ReduceAggregate<T>(reduce));
    }

    /// <summary>Reduces each window's elements incrementally and hands the reduction to a process window function.</summary>
    public DataStream<TOut> Reduce<TOut>(Func<T, T, T> reduce, Func<ProcessWindowFunction<T, TOut, TKey, TWindow>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(reduce);
        return Aggregate(new ReduceAggregate<T>(reduce), functionFactory);
    }

    /// <summary>Keeps every element of each window and hands them to a process window function when it fires.</summary>
    public DataStream<TOut> Process<TOut>(Func<ProcessWindowFunction<T, TOut, TKey, TWindow>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(functionFactory);
        return Add(() => new WindowOperatorFunction<TKey, T, List<T>, IReadOnlyList<T>, TOut, TWindow>(
            _assigner, _trigger, _allowedLateness, new ListAggregate<T>(), new ElementsEmitter<TKey, T, TOut, TWindow>(functionFactory())) { LateData = _lateData });
    }

    /// <summary>
    /// An incrementally aggregated window: by slicing (<see cref="SlicingWindowFunction{TKey, TIn, TAcc, TResult, TOut}"/>)
    /// for tumbling and sliding event-time windows with the default trigger and no allowed lateness (sliding ones when
    /// the aggregate implements Merge), else the general window operator.
    /// </summary>
    private DataStream<TOut> Incremental<TAcc, TResult, TOut>(IAggregateFunction<T, TAcc, TResult> aggregate, Func<IWindowEmitter<TKey, TResult, TOut, TWindow>> emitter)
    {
        var (size, slide, offset) = _assigner switch
        {
            TumblingEventTimeWindows t => (t.Size, t.Size, t.Offset),
            SlidingEventTimeWindows s when ImplementsMerge(aggregate) => (s.Size, s.Slide, s.Offset),
            _ => (0L, 0L, 0L),
        };
        if (size > 0 && _trigger is EventTimeTrigger && _allowedLateness == 0)
        {
            return Add(() => new SlicingWindowFunction<TKey, T, TAcc, TResult, TOut>(
                size, slide, offset, aggregate, (IWindowEmitter<TKey, TResult, TOut, TimeWindow>)(object)emitter()) { LateData = _lateData });
        }
        return Add(() => new WindowOperatorFunction<TKey, T, TAcc, TResult, TOut, TWindow>(_assigner, _trigger, _allowedLateness, aggregate, emitter()) { LateData = _lateData });
    }

    /// <summary>Whether the aggregate's type implements <c>Merge</c> itself (not the interface's default, which throws).</summary>
    private static bool ImplementsMerge<TAcc, TResult>(IAggregateFunction<T, TAcc, TResult> aggregate)
    {
        try
        {
            var map = aggregate.GetType().GetInterfaceMap(typeof(IAggregateFunction<T, TAcc, TResult>));
            var merge = Array.FindIndex(map.InterfaceMethods, m => m.Name == nameof(IAggregateFunction<T, TAcc, TResult>.Merge));
            return merge >= 0 && !map.TargetMethods[merge].DeclaringType!.IsInterface;
        }
        catch (ArgumentException)
        {
            return false; // implemented through variance for other type arguments: take the general operator
        }
    }

    private DataStream<TOut> Add<TOut>(Func<KeyedProcessFunction<TKey, T, TOut>> factory) => _input.Add("window", factory);
}
