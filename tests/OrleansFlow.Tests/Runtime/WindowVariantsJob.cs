using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.Api.Windowing;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// The window functions and triggers other than window-sum's, over the window-sum events from one source subtask with one split (so each key's
/// elements and the watermarks arrive in one deterministic order at any parallelism), with a watermark after every
/// event at <c>max − bound − 1</c> (<see cref="PunctuatedWatermarks"/>). <c>variant</c> picks the pipeline; each writes
/// order-independent lines that <see cref="WindowVariantsExpected"/> computes from the formula.
/// </summary>
public sealed class WindowVariantsJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "window-variants";

    public JobParameters Parameters { get; } = new(
        JobParameter.String("variant", "reduce, process, count, count-purge or late."),
        JobParameter.Int64("events", 5_000, "Events.", min: 1),
        JobParameter.Int64("keys", 7, "Keys.", min: 1),
        JobParameter.Int64("disorderMs", 100, "Out-of-orderness of event times.", min: 0),
        JobParameter.Int64("boundMs", 100, "The watermarks' bound (below disorderMs: some events are late).", min: 0),
        JobParameter.Int64("latenessMs", 0, "Allowed lateness.", min: 0),
        JobParameter.String("output", "The exactly-once file sink's directory."),
        JobParameter.String("lateOutput", "late-side: the directory of the late records' sink."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var (events, keys, disorder, bound) = (args.GetInt64("events"), args.GetInt64("keys"), args.GetInt64("disorderMs"), args.GetInt64("boundMs"));
        var strategy = WatermarkStrategy<WindowSumEvent>.ForGenerator(() => new PunctuatedWatermarks(bound)).WithTimestampAssigner((e, _) => e.Time);
        var keyed = builder.AddSource(new GeneratorSource<WindowSumEvent>(events, i => WindowSumEvent.Of(i, keys, disorder, 0, 0), splits: 1), strategy).Uid("source").SetParallelism(1)
            .KeyBy(e => e.Key);
        var tumbling = TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(WindowVariantsExpected.WindowMs));
        DataStream<string> lines = args.GetString("variant") switch
        {
            "reduce" => keyed.Window(tumbling).Reduce(Sum).Map(e => Line(e.Key, e.Value)),
            "process" => keyed.Window(tumbling).Process(() => new Describe()),
            "count" => keyed.Window(GlobalWindows.Create()).Trigger(CountTrigger.Of(WindowVariantsExpected.Count)).Reduce(Sum).Map(e => Line(e.Key, e.Value)),
            "count-purge" => keyed.Window(GlobalWindows.Create()).Trigger(PurgingTrigger.Of(CountTrigger.Of(WindowVariantsExpected.Count))).Reduce(Sum).Map(e => Line(e.Key, e.Value)),
            "late" => keyed.Window(tumbling).AllowedLateness(TimeSpan.FromMilliseconds(args.GetInt64("latenessMs"))).Reduce(Sum, () => new WithBounds()).Uid("window"),
            "late-side" => LateToSide(keyed, tumbling, args),
            var other => throw new ArgumentException($"Unknown variant '{other}'."),
        };
        lines.SinkTo(locations.Create<string>(args.GetString("output")!, line => line)).Uid("sink");
    }

    /// <summary>Tumbling windows with allowed lateness whose late records go to a side output, written by a sink of their own.</summary>
    private DataStream<string> LateToSide(KeyedStream<long, WindowSumEvent> keyed, TumblingEventTimeWindows tumbling, JobArguments args)
    {
        var late = new OutputTag<WindowSumEvent>("late");
        var windows = keyed.Window(tumbling).AllowedLateness(TimeSpan.FromMilliseconds(args.GetInt64("latenessMs"))).SideOutputLateData(late)
            .Reduce(Sum, () => new WithBounds()).Uid("window");
        windows.GetSideOutput(late).Map(e => Line(e.Key, e.Value)).Uid("late-lines")
            .SinkTo(locations.Create<string>(args.GetString("lateOutput")!, line => line)).Uid("late-sink");
        return windows;
    }

    private static WindowSumEvent Sum(WindowSumEvent a, WindowSumEvent b) => new(a.Key, a.Value + b.Value, Math.Max(a.Time, b.Time));

    private static string Line(params long[] values) => string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    /// <summary>A watermark after every event: the largest time seen minus the bound minus 1.</summary>
    private sealed class PunctuatedWatermarks(long bound) : IWatermarkGenerator<WindowSumEvent>
    {
        private long _max = long.MinValue + bound + 1;

        public void OnEvent(WindowSumEvent value, long timestamp, IWatermarkOutput output)
        {
            _max = Math.Max(_max, timestamp);
            output.EmitWatermark(_max - bound - 1);
        }

        public void OnPeriodicEmit(IWatermarkOutput output) { }
    }

    private sealed class Describe : ProcessWindowFunction<WindowSumEvent, string, long, TimeWindow>
    {
        public override void Process(long key, WindowContext<TimeWindow> context, IReadOnlyList<WindowSumEvent> elements, ICollector<string> output) =>
            output.Collect(Line(key, context.Window.Start, context.Window.End, elements.Count, elements.Sum(e => e.Value), elements.Min(e => e.Value), elements.Max(e => e.Value)));
    }

    private sealed class WithBounds : ProcessWindowFunction<WindowSumEvent, string, long, TimeWindow>
    {
        public override void Process(long key, WindowContext<TimeWindow> context, IReadOnlyList<WindowSumEvent> elements, ICollector<string> output) =>
            output.Collect(Line(key, context.Window.Start, elements[0].Value));
    }
}
