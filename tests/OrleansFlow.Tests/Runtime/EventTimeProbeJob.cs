using OrleansFlow.Api;
using OrleansFlow.Api.EventTime;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Events i = 0, 1, … (0 = unbounded) from 4 splits at <c>rate</c> per second, with event time i ms and watermarks
/// bounded 100 ms out of order, keyed by i % 10 into a running sum that checks each record's event time travelled with it: the reference for watermarks flowing source → keyed.
/// </summary>
public sealed class EventTimeProbeJob : IStreamJob
{
    public const string Name = "event-time-probe";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 0, "Events; 0 = unbounded.", min: 0),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var watermarks = WatermarkStrategy<long>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(100)).WithTimestampAssigner((e, _) => e);
        builder.AddSource(new GeneratorSource<long>(args.GetInt64("events"), i => i, args.GetInt64("rate"), splits: 4), watermarks).Uid("source")
            .KeyBy(x => x % 10)
            .Process(() => new TimestampedSum()).Uid("sum");
    }

    /// <summary>Sums per key, and fails the task when a record's event time did not travel with it (event time = value).</summary>
    private sealed class TimestampedSum : KeyedProcessFunction<long, long, long>
    {
        private OrleansFlow.State.IValueState<long> _sum = null!;

        public override void Open(IRuntimeContext context) => _sum = context.State.GetState(new OrleansFlow.State.ValueStateDescriptor<long>("sum"));

        public override void ProcessElement(long value, KeyedContext<long> context, ICollector<long> output)
        {
            if (context.Timestamp != value) throw new InvalidOperationException($"Record {value} arrived with event time {context.Timestamp?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}.");
            _sum.Update(_sum.Value + value);
            output.Collect(_sum.Value);
        }
    }
}
