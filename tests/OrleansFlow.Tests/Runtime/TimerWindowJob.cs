using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Tumbling event-time windows written by hand with a <see cref="KeyedProcessFunction{TKey, TIn, TOut}"/> and its
/// timers: the window-sum events (<see cref="WindowSumEvent.Of"/>, 4 splits, watermarks bounded <c>disorderMs</c> out of
/// order), per key a count and sum per window in map state, and an event-time timer at each window's last millisecond
/// that emits <c>key,windowStart,windowEnd,count,sum</c> and clears the window. Every window fires exactly once only if
/// timers are checkpointed, restored and redistributed with their key groups.
/// </summary>
public sealed class TimerWindowJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "timer-window";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 0, "Events; 0 = unbounded.", min: 0),
        JobParameter.Int64("keys", 10, "Keys.", min: 1),
        JobParameter.Int64("windowMs", 1000, "Window size.", min: 1),
        JobParameter.Int64("disorderMs", 100, "Out-of-orderness.", min: 0),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0),
        JobParameter.String("output", "The exactly-once file sink's directory."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var (keys, window, disorder) = (args.GetInt64("keys"), args.GetInt64("windowMs"), args.GetInt64("disorderMs"));
        var watermarks = WatermarkStrategy<WindowSumEvent>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(disorder)).WithTimestampAssigner((e, _) => e.Time);
        var source = new GeneratorSource<WindowSumEvent>(args.GetInt64("events"), i => WindowSumEvent.Of(i, keys, disorder, 0, 0), args.GetInt64("rate"), splits: 4);
        builder.AddSource(source, watermarks).Uid("source")
            .KeyBy(e => e.Key)
            .Process(() => new WindowByTimers(window)).Uid("sum")
            .SinkTo(locations.Create<string>(args.GetString("output")!, line => line)).Uid("sink");
    }

    private sealed class WindowByTimers(long size) : KeyedProcessFunction<long, WindowSumEvent, string>
    {
        private IMapState<long, long> _counts = null!;
        private IMapState<long, long> _sums = null!;

        public override void Open(IRuntimeContext context)
        {
            _counts = context.State.GetMapState(new MapStateDescriptor<long, long>("counts"));
            _sums = context.State.GetMapState(new MapStateDescriptor<long, long>("sums"));
        }

        public override void ProcessElement(WindowSumEvent value, KeyedContext<long> context, ICollector<string> output)
        {
            var start = value.Time - (value.Time % size);
            if (start + size - 1 <= context.TimerService.CurrentWatermark())
                throw new InvalidOperationException($"Event {value.Value} at {value.Time} is late (watermark {context.TimerService.CurrentWatermark()}).");
            _counts.Put(start, (_counts.TryGetValue(start, out var count) ? count : 0) + 1);
            _sums.Put(start, (_sums.TryGetValue(start, out var sum) ? sum : 0) + value.Value);
            context.TimerService.RegisterEventTimeTimer(start + size - 1);
        }

        public override void OnTimer(long timestamp, OnTimerContext<long> context, ICollector<string> output)
        {
            if (context.TimeDomain != TimeDomain.EventTime) throw new InvalidOperationException("Only event-time timers are registered.");
            var start = timestamp - size + 1;
            if (!_counts.TryGetValue(start, out var count) || !_sums.TryGetValue(start, out var sum))
                throw new InvalidOperationException($"Timer {timestamp} of key {context.CurrentKey} fired for a window without records (fired twice?).");
            output.Collect(string.Create(CultureInfo.InvariantCulture, $"{context.CurrentKey},{start},{start + size},{count},{sum}"));
            _counts.Remove(start);
            _sums.Remove(start);
        }
    }
}
