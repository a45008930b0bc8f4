using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.Api.Windowing;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Joins of two event-time sources: the left is the window-sum events (<see cref="Left"/>), the right events j with key
/// j % keys and time 2j + 7 (<see cref="Right"/>, a watermark after each; optionally slower, so the left side runs
/// ahead in event time and the join's watermark, the minimum, follows the right side: cleaning up a left record too
/// early loses pairs). <c>interval</c>: an interval join [lower, upper] ms;
/// <c>window</c>: a tumbling window join of 100 ms. Each pair is written as <c>key,leftValue,rightValue</c>.
/// </summary>
public sealed class JoinJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "join";
    public const long Disorder = 50, WindowMs = 100;

    public JobParameters Parameters { get; } = new(
        JobParameter.String("variant", "interval or window."),
        JobParameter.Int64("left", 2_000, "Left events.", min: 1),
        JobParameter.Int64("right", 1_000, "Right events.", min: 1),
        JobParameter.Int64("keys", 5, "Keys.", min: 1),
        JobParameter.Int64("lower", -20, "Interval join: lower bound in ms."),
        JobParameter.Int64("upper", 30, "Interval join: upper bound in ms."),
        JobParameter.Int64("rightRate", 0, "Right events per second (0 = as fast as possible): a slower right side lags the left in event time.", min: 0),
        JobParameter.String("output", "The exactly-once file sink's directory."));

    public static WindowSumEvent Left(long i, long keys) => WindowSumEvent.Of(i, keys, Disorder, 0, 0);

    public static WindowSumEvent Right(long j, long keys) => new(j % keys, j, 2 * j + 7);

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var keys = args.GetInt64("keys");
        var left = builder.AddSource(new GeneratorSource<WindowSumEvent>(args.GetInt64("left"), i => Left(i, keys), splits: 4),
            WatermarkStrategy<WindowSumEvent>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(Disorder)).WithTimestampAssigner((e, _) => e.Time)).Uid("left");
        var right = builder.AddSource(new GeneratorSource<WindowSumEvent>(args.GetInt64("right"), j => Right(j, keys), args.GetInt64("rightRate"), splits: 3),
            WatermarkStrategy<WindowSumEvent>.ForGenerator(() => new EveryEvent()).WithTimestampAssigner((e, _) => e.Time)).Uid("right");
        DataStream<string> pairs = args.GetString("variant") switch
        {
            "interval" => left.KeyBy(e => e.Key).IntervalJoin(right.KeyBy(e => e.Key))
                .Between(TimeSpan.FromMilliseconds(args.GetInt64("lower")), TimeSpan.FromMilliseconds(args.GetInt64("upper")))
                .Process(() => new Pair()).Uid("join"),
            "window" => left.Join(right).Where(e => e.Key).EqualTo(e => e.Key)
                .Window(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(WindowMs)))
                .Apply((l, r) => Line(l.Key, l.Value, r.Value)).Uid("join"),
            var other => throw new ArgumentException($"Unknown variant '{other}'."),
        };
        pairs.SinkTo(locations.Create<string>(args.GetString("output")!, line => line)).Uid("sink");
    }

    public static string Line(long key, long left, long right) => string.Create(CultureInfo.InvariantCulture, $"{key},{left},{right}");

    /// <summary>Monotonous times, a watermark right after every event: the join's watermark follows the right side closely.</summary>
    private sealed class EveryEvent : IWatermarkGenerator<WindowSumEvent>
    {
        public void OnEvent(WindowSumEvent value, long timestamp, IWatermarkOutput output) => output.EmitWatermark(timestamp - 1);

        public void OnPeriodicEmit(IWatermarkOutput output) { }
    }

    private sealed class Pair : ProcessJoinFunction<WindowSumEvent, WindowSumEvent, string>
    {
        public override void ProcessElement(WindowSumEvent left, WindowSumEvent right, JoinContext context, ICollector<string> output)
        {
            if (context.LeftTimestamp != left.Time || context.RightTimestamp != right.Time)
                throw new InvalidOperationException($"The join context's times ({context.LeftTimestamp}, {context.RightTimestamp}) are not the pair's ({left.Time}, {right.Time}).");
            output.Collect(Line(left.Key, left.Value, right.Value));
        }
    }
}
