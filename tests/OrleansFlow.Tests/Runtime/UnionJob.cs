using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.Api.Windowing;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// The window-sum events split over three sources (i ≡ 0, 1, 2 mod 3), the third rate-limited so it lags far behind,
/// united and summed in tumbling event-time windows: the result equals window-sum's over all events only if the union's
/// watermark is the minimum over its inputs (else the lagging source's events would be late).
/// </summary>
public sealed class UnionJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "union";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 30_000, "Events over all sources (a multiple of 3).", min: 3),
        JobParameter.Int64("keys", 10, "Keys.", min: 1),
        JobParameter.Int64("slowRate", 20_000, "Events per second of the lagging source.", min: 1),
        JobParameter.String("output", "The exactly-once file sink's directory."));

    public const long WindowMs = 1000, DisorderMs = 100;

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var (events, keys, slow) = (args.GetInt64("events"), args.GetInt64("keys"), args.GetInt64("slowRate"));
        var watermarks = WatermarkStrategy<WindowSumEvent>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(DisorderMs)).WithTimestampAssigner((e, _) => e.Time);
        DataStream<WindowSumEvent> Third(int r, long rate) => builder
            .AddSource(new GeneratorSource<WindowSumEvent>(events / 3, i => WindowSumEvent.Of(3 * i + r, keys, DisorderMs, 0, 0), rate, splits: 4), watermarks)
            .Uid($"source-{r}");
        Third(0, 0).Union(Third(1, 0), Third(2, slow))
            .KeyBy(e => e.Key)
            .Window(TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(WindowMs)))
            .Aggregate(new CountSumAggregate(), () => new WindowSumOutput()).Uid("window")
            .SinkTo(locations.Create<WindowSumResult>(args.GetString("output")!, r => string.Create(CultureInfo.InvariantCulture, $"{r.Key},{r.Start},{r.End},{r.Count},{r.Sum}"))).Uid("sink");
    }
}
