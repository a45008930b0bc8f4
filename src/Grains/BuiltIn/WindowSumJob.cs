using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.Api.Windowing;
using OrleansFlow.Connectors;

namespace OrleansFlow.BuiltIn;

/// <summary>
/// The reference job for event time. Event i (0-based) has key <c>i % keys</c>, value i and event time
/// <see cref="WindowSumEvent.TimeOf"/> (out of order by up to <c>disorderMs</c>, jumping <c>jumpMs</c> every
/// <c>jumpEvery</c> events); watermarks are bounded <c>disorderMs</c> out of order per split, so no event is late.
/// Per key and window (tumbling <c>windowMs</c>; sliding every <c>slideMs</c> when it is set; sessions with gap
/// <c>gapMs</c> when it is set) the count and sum of values run incrementally, and each non-empty window gives one
/// line <c>key,windowStart,windowEnd,count,sum</c> through the exactly-once file sink. The result is a function of the
/// arguments alone, at any parallelism, through failures and rescales.
/// </summary>
public sealed class WindowSumJob(FileSinkLocations locations) : IStreamJob
{
    /// <summary>The name the job is registered under.</summary>
    public const string Name = "window-sum";

    /// <summary>The most sliding windows one event may belong to (windowMs / slideMs): each costs work per event.</summary>
    public const long MaxWindowsPerEvent = 10_000;

    /// <summary>The largest window, gap, disorder or jump, in milliseconds (a year: event times stay far from overflow).</summary>
    public const long MaxMilliseconds = 365L * 86_400_000;

    /// <summary>The arguments.</summary>
    public static readonly JobParameters Declared = new(
        JobParameter.Int64("events", 1_000_000, "Events to generate; 0 = unbounded.", min: 0),
        JobParameter.Int64("keys", 1000, "Distinct keys: event i has key i % keys.", min: 1),
        JobParameter.Int64("windowMs", 1000, "Window size in milliseconds.", min: 1),
        JobParameter.Int64("slideMs", 0, "Slide in milliseconds: sliding windows when > 0 (at most windowMs); 0 = tumbling.", min: 0),
        JobParameter.Int64("gapMs", 0, "Session gap in milliseconds: session windows instead when > 0.", min: 0),
        JobParameter.Int64("disorderMs", 100, "How far out of order event times are, in milliseconds (and the watermarks' bound).", min: 0),
        JobParameter.Int64("jumpEvery", 0, "Event time jumps every this many events; 0 = no jumps.", min: 0),
        JobParameter.Int64("jumpMs", 0, "How far event time jumps, in milliseconds.", min: 0),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0),
        JobParameter.String("output", "A directory (inside OrleansFlow:Sinks:AllowedDirectories; relative = under {DataDirectory}/output) or blob:{container}[/{prefix}]; absent = discard."));

    /// <inheritdoc />
    public JobParameters Parameters => Declared;

    /// <inheritdoc />
    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (events, keys, window, slide, gap) = (args.GetInt64("events"), args.GetInt64("keys"), args.GetInt64("windowMs"), args.GetInt64("slideMs"), args.GetInt64("gapMs"));
        var (disorder, jumpEvery, jumpMs) = (args.GetInt64("disorderMs"), args.GetInt64("jumpEvery"), args.GetInt64("jumpMs"));
        if (slide > 0 && window / slide > MaxWindowsPerEvent)
            throw new ArgumentException($"Job arguments 'windowMs' / 'slideMs' = {window / slide}: an event would belong to more than {MaxWindowsPerEvent} sliding windows.");
        if (disorder > MaxMilliseconds || jumpMs > MaxMilliseconds || window > MaxMilliseconds || gap > MaxMilliseconds)
            throw new ArgumentException($"Job arguments 'windowMs', 'gapMs', 'disorderMs' and 'jumpMs' must be at most {MaxMilliseconds} (a year).");
        if (slide > window) throw new ArgumentException($"Job argument 'slideMs' ({slide}) must not exceed 'windowMs' ({window}).");
        if (slide > 0 && gap > 0) throw new ArgumentException("Job arguments 'slideMs' and 'gapMs' exclude each other: sliding or session windows.");
        var output = args.GetString("output");

        WindowAssigner<TimeWindow> assigner = gap > 0 ? EventTimeSessionWindows.WithGap(TimeSpan.FromMilliseconds(gap))
            : slide > 0 ? SlidingEventTimeWindows.Of(TimeSpan.FromMilliseconds(window), TimeSpan.FromMilliseconds(slide))
            : TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(window));
        var watermarks = WatermarkStrategy<WindowSumEvent>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(disorder)).WithTimestampAssigner((e, _) => e.Time);
        var results = builder
            .AddSource(new GeneratorSource<WindowSumEvent>(events, i => WindowSumEvent.Of(i, keys, disorder, jumpEvery, jumpMs), args.GetInt64("rate")), watermarks).Uid("source")
            .KeyBy(e => e.Key)
            .Window(assigner)
            .Aggregate(new CountSumAggregate(), () => new WindowSumOutput()).Uid("window");
        if (output is not null)
        {
            results.SinkTo(locations.Create<WindowSumResult>(output, r => string.Create(CultureInfo.InvariantCulture, $"{r.Key},{r.Start},{r.End},{r.Count},{r.Sum}"))).Uid("sink");
        }
    }
}
