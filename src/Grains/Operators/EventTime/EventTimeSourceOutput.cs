using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.Tasks;

namespace OrleansFlow.Operators.EventTime;

/// <summary>
/// What a source with a <see cref="WatermarkStrategy{T}"/> emits into: each event's timestamp comes from the
/// strategy's assigner, the event goes downstream, then to its split's generator (one per split, created at the split's
/// first event; a reader that does not tell splits is one split, -1), whose watermarks therefore follow the event. The task calls
/// <see cref="EmitPeriodic"/> every <c>OrleansFlow:AutoWatermarkInterval</c> and <see cref="EndOfInput"/> when the
/// source ended; the splits' watermarks are combined by a <see cref="SplitWatermarkMultiplexer"/>. On the task's turn.
/// </summary>
internal sealed class EventTimeSourceOutput<T> : ISplitCollector<T>
{
    private readonly IOutput<T> _downstream;
    private readonly WatermarkStrategy<T> _strategy;
    private readonly TimeProvider _time;
    private readonly Dictionary<int, (IWatermarkGenerator<T> Generator, IWatermarkOutput Output)> _splits = [];
    private readonly SplitWatermarkMultiplexer _multiplexer;

    private readonly RecordTimestamp _timestamp;
    private readonly IReadOnlyList<int> _assigned;
    private bool _splitsRegistered;

    /// <summary>
    /// An output for a subtask that reads <paramref name="assignedSplits"/>. When its reader emits per split, every
    /// assigned split gets its generator at the first such event, so a split that has not emitted yet holds the
    /// subtask's watermark back (as Flink registers splits when they are assigned); a subtask without splits is idle.
    /// </summary>
    public EventTimeSourceOutput(IOutput<T> downstream, WatermarkStrategy<T> strategy, TimeProvider time, RecordTimestamp timestamp, IReadOnlyList<int>? assignedSplits = null)
    {
        _assigned = assignedSplits ?? [];
        _timestamp = timestamp;
        _downstream = downstream;
        _strategy = strategy;
        _time = time;
        _multiplexer = new SplitWatermarkMultiplexer(Forward);
    }

    /// <summary>The source subtask's watermark so far.</summary>
    public long CurrentWatermark => _multiplexer.CurrentWatermark;

    public void Collect(T record) => Collect(record, -1);

    public void Collect(T record, int split)
    {
        if (split >= 0 && !_splitsRegistered) RegisterAssignedSplits();
        if (!_splits.TryGetValue(split, out var entry)) _splits[split] = entry = (_strategy.CreateGenerator(_time), _multiplexer.Of(split));
        var timestamp = _strategy.TimestampAssigner is { } assign ? assign(record, long.MinValue) : long.MinValue;
        _timestamp.Current = timestamp;
        _downstream.Collect(record);
        entry.Generator.OnEvent(record, timestamp, entry.Output); // after the record, as Flink's: a watermark it emits follows its event
    }

    private void RegisterAssignedSplits()
    {
        _splitsRegistered = true;
        foreach (var s in _assigned)
        {
            if (!_splits.ContainsKey(s)) _splits[s] = (_strategy.CreateGenerator(_time), _multiplexer.Of(s));
        }
    }

    /// <summary>Every split's generator emits periodically; a subtask without splits declares itself idle.</summary>
    public void EmitPeriodic()
    {
        if (_assigned.Count == 0 && _splits.Count == 0 && !_multiplexer.IsIdle) _multiplexer.Of(-1).MarkIdle();
        foreach (var (generator, output) in _splits.Values) generator.OnPeriodicEmit(output);
    }

    /// <summary>The source ended: event time ends (<see cref="Watermark.Max"/>).</summary>
    public void EndOfInput()
    {
        if (_splits.Count == 0) _multiplexer.Of(-1);
        foreach (var split in _splits.Keys.DefaultIfEmpty(-1)) _multiplexer.SplitEnded(split);
    }

    private void Forward(StreamElement element)
    {
        if (element is Watermark watermark) _downstream.EmitWatermark(watermark);
        else _downstream.EmitWatermarkStatus((WatermarkStatus)element);
    }
}
