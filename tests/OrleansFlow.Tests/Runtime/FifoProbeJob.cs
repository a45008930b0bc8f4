using OrleansFlow.Api;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Probes channel order: one key; the keyed operator appends every value to a list state in arrival order and, at end
/// of input, writes the list as one line. Any reordering or duplicate on the channel shows in that line.
/// Vertex 0 is the source (never started by the FIFO test), vertex 1 the probe.
/// </summary>
public sealed class FifoProbeJob : IStreamJob
{
    public const string Name = "fifo-probe";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 1000, "Events.", min: 1),
        JobParameter.String("output", "The sink's folder (required)."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var output = args.GetString("output") ?? throw new ArgumentException("output is required");
        builder.AddSource(new GeneratorSource<long>(args.GetInt64("events"), i => i)).Uid("source").SetParallelism(1)
            .KeyBy(_ => 0L)
            .Process(() => new AppendInOrder()).Uid("probe").SetParallelism(1)
            .SinkTo(new EndOfInputFileSink(output)).Uid("sink").SetParallelism(1);
    }

    private sealed class AppendInOrder : KeyedProcessFunction<long, long, string>
    {
        private static readonly ListStateDescriptor<long> Seen = new("seen");
        private IListState<long> _seen = null!;

        public override void Open(IRuntimeContext context) => _seen = context.State.GetListState(Seen);

        public override void ProcessElement(long value, KeyedContext<long> context, ICollector<string> output) => _seen.Add(value);

        public override void OnEndOfInput(KeyedContext<long> context, ICollector<string> output) =>
            context.ApplyToAllKeys(Seen, _ => output.Collect(string.Join(",", _seen.Get())));
    }
}
