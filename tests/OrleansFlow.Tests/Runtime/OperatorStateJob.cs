using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Operator state through savepoints and rescaling: events <c>0 … events-1</c> from a generator (4 splits) go through a
/// <see cref="ProcessFunction{TIn, TOut}"/> that buffers every value (Flink's buffering-sink pattern) in a field, snapshot
/// into an even-split list state, and emits <c>v,{value}</c> for each only when the input ends. At its first record each
/// subtask emits what it restored of a union list state (every subtask of the previous run put one marker
/// <c>p{parallelism}-s{subtask}</c>: <c>union,{p},{s},{markers}</c>) and of a broadcast state (each run puts
/// <c>p{parallelism}</c> on every subtask: <c>broadcast,{p},{s},{entries}</c>). Every value comes out exactly once only if
/// the list state keeps each element once through every redistribution.
/// </summary>
public sealed class OperatorStateJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "operator-state";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 0, "Events; 0 = unbounded.", min: 0),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0),
        JobParameter.String("output", "The exactly-once file sink's directory."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var source = new GeneratorSource<long>(args.GetInt64("events"), i => i, args.GetInt64("rate"), splits: 4);
        builder.AddSource(source).Uid("source")
            .Rebalance() // its own vertex, so its records-in show progress
            .Process(() => new BufferingFunction()).Uid("buffer")
            .SinkTo(locations.Create<string>(args.GetString("output")!, line => line)).Uid("sink");
    }

    private sealed class BufferingFunction : ProcessFunction<long, string>, ICheckpointedFunction
    {
        private readonly List<long> _buffered = [];
        private IListState<long> _bufferState = null!;
        private IListState<string> _markers = null!;
        private IBroadcastState<string, int> _runs = null!;
        private string _restoredMarkers = "";
        private IRuntimeContext _context = null!;
        private bool _reported;

        public void InitializeState(FunctionInitializationContext context)
        {
            _bufferState = context.OperatorState.GetListState(new ListStateDescriptor<long>("buffered"));
            _markers = context.OperatorState.GetUnionListState(new ListStateDescriptor<string>("markers"));
            _runs = context.OperatorState.GetBroadcastState(new MapStateDescriptor<string, int>("runs"));
            if (context.IsRestored) _buffered.AddRange(_bufferState.Get());
            _restoredMarkers = string.Join('|', _markers.Get().Order(StringComparer.Ordinal));
        }

        public override void Open(IRuntimeContext context)
        {
            _context = context;
            _runs.Put($"p{context.Parallelism}", context.Parallelism);
        }

        public override void ProcessElement(long value, ProcessContext context, ICollector<string> output)
        {
            if (!_reported)
            {
                var (p, s) = (_context.Parallelism, _context.SubtaskIndex);
                output.Collect($"union,{p},{s},{_restoredMarkers}");
                output.Collect($"broadcast,{p},{s},{string.Join('|', _runs.Entries().Select(e => $"{e.Key}={e.Value}").Order(StringComparer.Ordinal))}");
                _reported = true;
            }
            _buffered.Add(value);
        }

        public void SnapshotState(FunctionSnapshotContext context)
        {
            _bufferState.Update(_buffered);
            _markers.Update([$"p{_context.Parallelism}-s{_context.SubtaskIndex}"]);
        }

        public override void OnEndOfInput(ICollector<string> output)
        {
            foreach (var value in _buffered) output.Collect(string.Create(CultureInfo.InvariantCulture, $"v,{value}"));
        }
    }
}
