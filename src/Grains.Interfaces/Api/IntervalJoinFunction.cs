using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>
/// The interval join (Flink's <c>IntervalJoinOperator</c>) as a keyed co-process function: each side's records are kept
/// per key in map state keyed by event time; a record is joined with the other side's records in its interval, and
/// kept until the watermark passes the last time a record of the other side could still match it (a timer of the
/// key cleans up). Records behind the watermark are late: dropped and counted.
/// </summary>
internal sealed class IntervalJoinFunction<TKey, TLeft, TRight, TOut>(long lower, long upper, ProcessJoinFunction<TLeft, TRight, TOut> function)
    : KeyedCoProcessFunction<TKey, TLeft, TRight, TOut>, ILateRecordsMetric where TKey : notnull
{
    private readonly JoinContext _join = new();
    private readonly List<long> _expired = [];
    private IMapState<long, List<TLeft>> _left = null!;
    private IMapState<long, List<TRight>> _right = null!;

    public long LateRecordsDropped { get; private set; }

    public override void Open(IRuntimeContext context)
    {
        _left = context.State.GetMapState(new MapStateDescriptor<long, List<TLeft>>("join-left"));
        _right = context.State.GetMapState(new MapStateDescriptor<long, List<TRight>>("join-right"));
        function.Open(context);
    }

    public override void ProcessElement1(TLeft value, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        var time = TimeOf(context);
        if (time < context.TimerService.CurrentWatermark())
        {
            LateRecordsDropped++;
            return;
        }
        Add(_left, time, value);
        foreach (var (rightTime, rights) in _right.Entries())
        {
            if (rightTime < time + lower || rightTime > time + upper) continue;
            foreach (var right in rights) Emit(value, time, right, rightTime, time, context, output);
        }
        context.TimerService.RegisterEventTimeTimer(Saturating(time, upper)); // no right record can match it after
    }

    public override void ProcessElement2(TRight value, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        var time = TimeOf(context);
        if (time < context.TimerService.CurrentWatermark())
        {
            LateRecordsDropped++;
            return;
        }
        Add(_right, time, value);
        foreach (var (leftTime, lefts) in _left.Entries())
        {
            if (time < leftTime + lower || time > leftTime + upper) continue;
            foreach (var left in lefts) Emit(left, leftTime, value, time, time, context, output);
        }
        context.TimerService.RegisterEventTimeTimer(Saturating(time, -lower)); // no left record can match it after
    }

    /// <summary>Drops the records no record of the other side can match any more.</summary>
    public override void OnTimer(long timestamp, OnTimerContext<TKey> context, ICollector<TOut> output)
    {
        RemoveThrough(_left, timestamp, upper);
        RemoveThrough(_right, timestamp, -lower);
    }

    private void Emit(TLeft left, long leftTime, TRight right, long rightTime, long currentTime, KeyedContext<TKey> context, ICollector<TOut> output)
    {
        _join.LeftTimestamp = leftTime;
        _join.RightTimestamp = rightTime;
        context.SetOutputTimestamp(_join.Timestamp);
        function.ProcessElement(left, right, _join, output);
        context.SetOutputTimestamp(currentTime); // back to the current record's
    }

    private static long TimeOf(KeyedContext<TKey> context) => context.Timestamp ?? throw new InvalidOperationException(
        "An interval join needs each record's event time: give both sources a WatermarkStrategy (AddSource(source, strategy)).");

    private static void Add<T>(IMapState<long, List<T>> state, long time, T value)
    {
        if (!state.TryGetValue(time, out var list)) list = [];
        list.Add(value);
        state.Put(time, list);
    }

    /// <summary>Removes the entries whose time plus <paramref name="keepFor"/> is at or before <paramref name="timestamp"/>.</summary>
    private void RemoveThrough<T>(IMapState<long, List<T>> state, long timestamp, long keepFor)
    {
        _expired.Clear();
        foreach (var (time, _) in state.Entries()) if (Saturating(time, keepFor) <= timestamp) _expired.Add(time);
        foreach (var time in _expired) state.Remove(time);
    }

    private static long Saturating(long time, long delta) =>
        delta > 0 && time > long.MaxValue - delta ? long.MaxValue : delta < 0 && time < long.MinValue - delta ? long.MinValue : time + delta;
}
