using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Writes every event's index to the exactly-once file sink as it passes (not at end of input), through a keyed
/// stage that throws once at each of <c>faults</c>. Arguments: <c>events</c> (0 = unbounded), <c>rate</c>,
/// <c>output</c>, <c>faults</c>.
/// </summary>
public sealed class EventLogJob : IStreamJob
{
    public const string Name = "event-log";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 100_000, "Events; 0 = unbounded.", min: 0),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0),
        JobParameter.String("output", "The sink's folder."),
        JobParameter.String("faults", "Comma-separated event indices that throw once."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var faults = (args.GetString("faults") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToHashSet();
        builder.AddSource(new GeneratorSource<long>(args.GetInt64("events"), i => i, args.GetInt64("rate"))).Uid("source")
            .KeyBy(i => i % 97)
            .Process(() => new Forward(faults)).Uid("forward")
            .SinkTo(new FileSink<long>(args.GetString("output")!, i => i.ToString(CultureInfo.InvariantCulture))).Uid("sink");
    }

    private sealed class Forward(HashSet<long> faults) : KeyedProcessFunction<long, long, long>
    {
        private string _jobId = "";

        public override void Open(IRuntimeContext context) => _jobId = context.JobId;

        public override void ProcessElement(long value, KeyedContext<long> context, ICollector<long> output)
        {
            if (faults.Contains(value) && FaultInjection.FireOnce(_jobId, value)) throw new InjectedFaultException($"Injected fault at event {value}.");
            output.Collect(value);
        }
    }
}
