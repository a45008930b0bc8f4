using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.Connectors;

namespace OrleansFlow.BuiltIn;

/// <summary>
/// The timer benchmark job: window-sum's events and watermarks (<see cref="WindowSumEvent.Of"/>, bounded
/// <c>disorderMs</c>), one event-time timer per record at its event time plus <c>delayMs</c>, every timer fired by the
/// watermarks (the last by the final one), counted per key; at the end of input <c>key,fired</c> per key through the
/// exactly-once file sink when <c>output</c> is set. Timers are distinct per (key, time) when <c>keys</c> exceeds
/// <c>disorderMs</c>, so the counts sum to <c>events</c>.
/// </summary>
public sealed class EventTimersJob(FileSinkLocations locations) : IStreamJob
{
    /// <summary>The name the job is registered under.</summary>
    public const string Name = "event-timers";

    /// <summary>The arguments.</summary>
    public static readonly JobParameters Declared = new(
        JobParameter.Int64("events", 1_000_000, "Events to generate; 0 = unbounded.", min: 0),
        JobParameter.Int64("keys", 100_000, "Distinct keys: event i has key i % keys.", min: 1),
        JobParameter.Int64("delayMs", 0, "How far after its record's event time each timer is.", min: 0),
        JobParameter.Int64("disorderMs", 100, "How far out of order event times are (and the watermarks' bound).", min: 0),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0),
        JobParameter.String("output", "A directory or blob:{container}[/{prefix}] for key,fired lines; absent = discard."));

    /// <inheritdoc />
    public JobParameters Parameters => Declared;

    /// <inheritdoc />
    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (events, keys, delay, disorder) = (args.GetInt64("events"), args.GetInt64("keys"), args.GetInt64("delayMs"), args.GetInt64("disorderMs"));
        if (delay > WindowSumJob.MaxMilliseconds || disorder > WindowSumJob.MaxMilliseconds)
            throw new ArgumentException($"Job arguments 'delayMs' and 'disorderMs' must be at most {WindowSumJob.MaxMilliseconds} (a year).");
        var watermarks = WatermarkStrategy<WindowSumEvent>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(disorder)).WithTimestampAssigner((e, _) => e.Time);
        var counts = builder
            .AddSource(new GeneratorSource<WindowSumEvent>(events, i => WindowSumEvent.Of(i, keys, disorder, 0, 0), args.GetInt64("rate")), watermarks).Uid("source")
            .KeyBy(e => e.Key)
            .Process(() => new EventTimersFunction(delay)).Uid("timers");
        if (args.GetString("output") is { } output)
        {
            counts.SinkTo(locations.Create<KeyedSumEvent>(output, e => string.Create(CultureInfo.InvariantCulture, $"{e.Key},{e.Value}"))).Uid("sink");
        }
    }
}
