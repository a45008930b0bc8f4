using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansFlow.Api;
using OrleansFlow.Api.Windowing;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;
using OrleansFlow.KeyGroups;
using OrleansFlow.Operators;
using OrleansFlow.Operators.EventTime;
using OrleansFlow.State;
using OrleansFlow.Timers;

namespace OrleansFlow.Bench;

/// <summary>
/// The keyed operators of event time alone, on one thread, with no source, channel or grain: window-sum's events
/// (--events, --keys, disorder 100 ms) go straight into a keyed operator with their event time, and a watermark
/// (bounded 100 ms) follows every 1,024 events; results go nowhere. Variants: <c>keyed-sum</c> (the same events into
/// keyed-sum's function: the baseline), <c>timers</c> (one event-time timer per record), <c>tumbling</c> (1 s),
/// <c>sliding-4</c> (1 s / 250 ms), <c>sliding-60</c> (60 s / 1 s), <c>sessions</c> (100 ms gap). The gap to the
/// silo-event-time rows is what sources, watermarks and channels add.
/// </summary>
public sealed class EventTimeDirectBenchmark(string variant) : IBenchmark
{
    private const long Disorder = 100;

    public string Name => "event-time-direct-" + variant;

    public Task<BenchmarkResult> RunAsync(BenchOptions options)
    {
        const int maxParallelism = 128;
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var backend = new HeapKeyedStateBackend<long>(new KeyGroupRange(0, maxParallelism - 1), maxParallelism, serializer);
        var timestamp = new RecordTimestamp();
        var events = options.Events;
        var keys = options.Keys;
        var clock = new ProcessingTimeService(TimeProvider.System, _ => { });
        var context = new OperatorContext("op", 0, 1, maxParallelism, backend);
        IStreamOperator op;
        ICollector<WindowSumEvent> input;
        if (variant == "keyed-sum")
        {
            var function = new KeyedSumFunction();
            var keyed = new KeyedProcessOperator<long, KeyedSumEvent, KeyedSumEvent>(
                e => e.Key, function, backend, context, DiscardingOutput<KeyedSumEvent>.Instance, clock, timestamp)
            {
                OperatorState = new FunctionOperatorState(function, new OperatorStateBackend(serializer, "op"), backend, 0),
            };
            op = keyed;
            input = new Adapter(keyed);
        }
        else
        {
            var function = Function();
            var keyed = new KeyedProcessOperator<long, WindowSumEvent, WindowSumResult>(
                e => e.Key, function, backend, context, DiscardingOutput<WindowSumResult>.Instance, clock, timestamp)
            {
                OperatorState = new FunctionOperatorState(function, new OperatorStateBackend(serializer, "op"), backend, 0),
            };
            op = keyed;
            input = keyed;
        }
        op.Open();

        var watch = Stopwatch.StartNew();
        var max = long.MinValue;
        for (long i = 0; i < events; i++)
        {
            var e = WindowSumEvent.Of(i, keys, Disorder, 0, 0);
            timestamp.Current = e.Time;
            input.Collect(e);
            max = Math.Max(max, e.Time);
            if (i % options.WatermarkEvery == options.WatermarkEvery - 1) op.ProcessWatermark(new Tasks.Watermark(max - Disorder - 1));
        }
        op.ProcessWatermark(Tasks.Watermark.Max);
        watch.Stop();
        op.Dispose();
        return Task.FromResult(new BenchmarkResult(Name, events, watch.Elapsed.TotalSeconds));
    }

    private KeyedProcessFunction<long, WindowSumEvent, WindowSumResult> Function()
    {
        DataStream<WindowSumResult> Build(Func<KeyedStream<long, WindowSumEvent>, DataStream<WindowSumResult>> window)
        {
            var builder = new StreamJobBuilder(1, 128);
            return window(builder.AddSource(new GeneratorSource<WindowSumEvent>(1, _ => default)).KeyBy(e => e.Key));
        }

        WindowAssigner<TimeWindow>? assigner = variant switch
        {
            "tumbling" => TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1)),
            "sliding-4" => SlidingEventTimeWindows.Of(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(250)),
            "sliding-60" => SlidingEventTimeWindows.Of(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1)),
            "sessions" => EventTimeSessionWindows.WithGap(TimeSpan.FromMilliseconds(100)),
            _ => null,
        };
        if (assigner is null) return new TimersOnly();
        var stream = Build(k => k.Window(assigner).Aggregate(new CountSumAggregate(), () => new WindowSumOutput()));
        return ((Api.Graph.KeyedProcessTransformation<long, WindowSumEvent, WindowSumResult>)stream.Transformation).FunctionFactory();
    }

    /// <summary>One event-time timer per record at its time; firing does nothing.</summary>
    private sealed class TimersOnly : KeyedProcessFunction<long, WindowSumEvent, WindowSumResult>
    {
        public override void ProcessElement(WindowSumEvent value, KeyedContext<long> context, ICollector<WindowSumResult> output) =>
            context.TimerService.RegisterEventTimeTimer(value.Time);
    }

    private sealed class Adapter(ICollector<KeyedSumEvent> inner) : ICollector<WindowSumEvent>
    {
        public void Collect(WindowSumEvent record) => inner.Collect(new KeyedSumEvent(record.Key, record.Value));
    }
}
