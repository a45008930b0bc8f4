using OrleansFlow.Api;
using OrleansFlow.Api.Graph;
using OrleansFlow.Channels;
using OrleansFlow.Jobs;
using OrleansFlow.Operators;
using OrleansFlow.State;

namespace OrleansFlow.Tasks;

/// <summary>
/// Builds a task's operator chain with the operators' static types, from the tail (whose output is the vertex's
/// record writers) back to the head (which receives input batches or reads the source).
/// </summary>
internal sealed class OperatorChainFactory : ITransformationVisitor<object>
{
    private readonly TaskEnvironment _env;
    private readonly List<IStreamOperator> _operators = [];
    private readonly List<IRecordWriter> _writers = [];
    private IInputDispatcher? _input;
    private ISourceDriver? _source;
    private string? _sourceUid;
    private readonly Network.TaskBufferBudget _budget;
    private bool _isHead;
    private readonly Operators.EventTime.RecordTimestamp? _timestamp; // when the vertex's records carry event time

    private OperatorChainFactory(TaskEnvironment env)
    {
        _env = env;
        _budget = new Network.TaskBufferBudget(env.NetworkMemory, env.Task.ToString());
        if (env.Vertex.HasEventTime) _timestamp = new Operators.EventTime.RecordTimestamp();
    }

    /// <summary>The budget when the chain has outputs (it then counts their buffers), else null.</summary>
    private Network.TaskBufferBudget? Budget => _writers.Count > 0 ? _budget : null;

    public static OperatorChain Build(TaskEnvironment env)
    {
        var factory = new OperatorChainFactory(env);
        var chain = env.Vertex.Chain;
        object? output = null;
        for (var i = chain.Count - 1; i >= 0; i--)
        {
            factory._isHead = i == 0;
            output = chain[i].Accept(factory, output);
        }
        factory._operators.Reverse(); // built tail first; lifecycle calls go head first
        var budget = factory.Budget;
        budget?.Open(); // reserves one record's worst case, or refuses the deployment with the figures
        return new OperatorChain(factory._input, factory._source, factory._sourceUid, factory._operators, factory._writers, budget);
    }

    public object VisitSource<T>(SourceTransformation<T> t, object? output)
    {
        var splits = SourceSplitAssignment.SplitsOf(t.Source.SplitCount, _env.Vertex.Parallelism, _env.Task.Subtask);
        var reader = t.Source.CreateReader(splits, _env.TimeProvider);
        var downstream = Output<T>(output);
        var eventTime = t.Watermarks is { } strategy ? new Operators.EventTime.EventTimeSourceOutput<T>(downstream, strategy, _env.TimeProvider, _timestamp!, splits) : null;
        _source = new SourceDriver<T>(reader, splits, t.Source.IsBounded, downstream, eventTime, t.Source.SplitCount);
        _sourceUid = t.Uid;
        return _source;
    }

    public object VisitMap<TIn, TOut>(MapTransformation<TIn, TOut> t, object? output) =>
        Head(new MapOperator<TIn, TOut>(t.Map, Output<TOut>(output)));

    public object VisitFilter<T>(FilterTransformation<T> t, object? output) =>
        Head(new FilterOperator<T>(t.Predicate, Output<T>(output)));

    public object VisitFlatMap<TIn, TOut>(FlatMapTransformation<TIn, TOut> t, object? output) =>
        Head(new FlatMapOperator<TIn, TOut>(t.FlatMap, Output<TOut>(output)));

    public object VisitProcess<TIn, TOut>(ProcessTransformation<TIn, TOut> t, object? output)
    {
        var context = Context(t, null);
        var function = t.FunctionFactory();
        return Head(new ProcessOperator<TIn, TOut>(function, context, Output<TOut>(output), OperatorState(t, function, null), _timestamp) { SideOutputs = SideOutputsOf(t) });
    }

    /// <summary>The runtime context of <paramref name="t"/> in this subtask.</summary>
    private OperatorContext Context(Transformation t, IKeyedStateStore? keyed) =>
        new(t.Uid, _env.Task.Subtask, _env.Vertex.Parallelism, _env.Graph.MaxParallelism, keyed, _env.Task.JobId, _env.Attempt);

    /// <summary>The operator state of <paramref name="t"/> and its function's hooks.</summary>
    private FunctionOperatorState OperatorState(Transformation t, object function, IKeyedStateStore? keyed) =>
        new(function, new OperatorStateBackend(_env.Serializer, t.Uid), keyed, _env.Task.Subtask);

    public object VisitKeyedProcess<TKey, TIn, TOut>(KeyedProcessTransformation<TKey, TIn, TOut> t, object? output) where TKey : notnull
    {
        if (!_isHead)
            throw new InvalidOperationException($"Keyed operator '{t.Uid}' must start its chain (it reads a keyed exchange).");
        var range = KeyGroups.KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(
            _env.Graph.MaxParallelism, _env.Vertex.Parallelism, _env.Task.Subtask);
        var backend = new HeapKeyedStateBackend<TKey>(range, _env.Graph.MaxParallelism, _env.Serializer, _env.TimeProvider);
        var context = Context(t, backend);
        var function = t.FunctionFactory();
        var op = new KeyedProcessOperator<TKey, TIn, TOut>(t.KeySelector, function, backend, context, Output<TOut>(output), _env.ProcessingTime, _timestamp)
        {
            SideOutputs = SideOutputsOf(t),
            OperatorState = OperatorState(t, function, backend),
        };
        return Head(op);
    }

    public object VisitKeyedCoProcess<TKey, TIn1, TIn2, TOut>(KeyedCoProcessTransformation<TKey, TIn1, TIn2, TOut> t, object? output) where TKey : notnull
    {
        var range = KeyGroups.KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(
            _env.Graph.MaxParallelism, _env.Vertex.Parallelism, _env.Task.Subtask);
        var backend = new HeapKeyedStateBackend<TKey>(range, _env.Graph.MaxParallelism, _env.Serializer, _env.TimeProvider);
        var context = Context(t, backend);
        var function = t.FunctionFactory();
        var op = new KeyedCoProcessOperator<TKey, TIn1, TIn2, TOut>(t.KeySelector1, t.KeySelector2, function, backend, context, Output<TOut>(output), _env.ProcessingTime, _timestamp)
        {
            SideOutputs = SideOutputsOf(t),
            OperatorState = OperatorState(t, function, backend),
        };
        return TwoInputHead(op, op.Input1, op.Input2);
    }

    public object VisitCoProcess<TIn1, TIn2, TOut>(CoProcessTransformation<TIn1, TIn2, TOut> t, object? output)
    {
        var context = Context(t, null);
        var function = t.FunctionFactory();
        var op = new CoProcessOperator<TIn1, TIn2, TOut>(function, context, Output<TOut>(output), _timestamp) { OperatorState = OperatorState(t, function, null), SideOutputs = SideOutputsOf(t) };
        return TwoInputHead(op, op.Input1, op.Input2);
    }

    /// <summary>A two-input operator heads its chain: each input edge's batches go to the input it feeds.</summary>
    private object TwoInputHead<TIn1, TIn2>(IStreamOperator op, ICollector<TIn1> input1, ICollector<TIn2> input2)
    {
        if (!_isHead) throw new InvalidOperationException("A two-input operator must start its chain.");
        _operators.Add(op);
        _input = new TwoInputDispatcher(
            new InputDispatcher<TIn1>(input1, Budget, _timestamp), new InputDispatcher<TIn2>(input2, Budget, _timestamp),
            [.. _env.Vertex.Inputs.Select(e => e.InputIndex)]);
        return op;
    }

    public object VisitSink<T>(SinkTransformation<T> t, object? output)
    {
        var writer = t.Sink.CreateWriter(new SinkWriterContext(_env.Task.JobId, t.Uid, _env.Task.Subtask, _env.Vertex.Parallelism, _env.Attempt));
        if (t.Sink is ITwoPhaseCommitSink transactional)
        {
            if (writer is not ITwoPhaseCommitSinkWriter<T> transactionalWriter)
                throw new InvalidOperationException($"Sink '{t.Uid}' ({t.Sink.GetType().Name}) is a two-phase-commit sink but its writer ({writer.GetType().Name}) is not an ITwoPhaseCommitSinkWriter.");
            return Head(new TwoPhaseCommitSinkOperator<T>(t.Uid, _env.Task.Subtask, transactionalWriter, transactional.CreateCommitter(_env.Task.JobId, t.Uid)));
        }
        return Head(new SinkOperator<T>(writer));
    }

    /// <summary>Every operator joins the chain's list (built tail first); the head also takes the task's input.</summary>
    private object Head<T>(IOneInputStreamOperator<T> op)
    {
        _operators.Add(op);
        if (_isHead) _input = new InputDispatcher<T>(op, Budget, _timestamp);
        return op;
    }

    /// <summary>The collector the operator emits into: the next operator in the chain, or the vertex's outputs.</summary>
    private IOutput<T> Output<T>(object? next)
    {
        if (next is not null) return new ChainedOutput<T>((IOneInputStreamOperator<T>)next);
        return Combine(_env.Vertex.Outputs.Where(e => e.SideOutput is null).Select(CreateWriter<T>).ToArray());
    }

    private static IOutput<T> Combine<T>(IOutput<T>[] writers) => writers.Length switch
    {
        0 => DiscardingOutput<T>.Instance,
        1 => writers[0],
        _ => new FanOutOutput<T>(writers),
    };

    /// <summary>Writers for the edges that read side outputs of <paramref name="producer"/>, per tag.</summary>
    private SideOutputs SideOutputsOf(Transformation producer)
    {
        var edges = _env.Vertex.Outputs.Where(e => e.SideOutput is { } side && side.Producer == producer).ToList();
        if (edges.Count == 0) return SideOutputs.None;
        var byTag = new Dictionary<string, object>(StringComparer.Ordinal);
        var all = new List<IEventTimeOutput>();
        foreach (var tag in edges.GroupBy(e => e.SideOutput!.TagId))
        {
            var output = tag.First().SideOutput!.Accept(new SideOutputWriterFactory(this, [.. tag]));
            byTag[tag.Key] = output;
            all.Add((IEventTimeOutput)output);
        }
        return new SideOutputs(byTag, all);
    }

    private sealed class SideOutputWriterFactory(OperatorChainFactory factory, IReadOnlyList<JobEdge> edges) : ISideOutputVisitor<object>
    {
        public object Visit<T>(SideOutputTransformation<T> sideOutput) => Combine(edges.Select(factory.CreateWriter<T>).ToArray());
    }

    private RecordWriter<T> CreateWriter<T>(JobEdge edge)
    {
        var subtask = _env.Task.Subtask;
        var targets = edge.Partitioning.Kind == PartitioningKind.Forward
            ? [subtask]
            : Enumerable.Range(0, edge.Target.Parallelism).ToArray();
        var senders = targets.Select(s =>
        {
            var id = new TaskId(_env.Task.JobId, edge.Target.Index, s);
            var grain = _env.GrainFactory.GetGrain<ITaskGrain>(id.ToGrainKey());
            return new ChannelSender(grain, id, _env.Attempt, edge.TargetInputOrdinal, subtask, _env.Options.ChannelWindow);
        }).ToArray();
        IChannelSelector<T> selector = edge.Partitioning switch
        {
            KeyGroupPartitioning keyed => keyed.Accept(new KeyedSelectorFactory<T>(_env.Graph.MaxParallelism, senders.Length)),
            { Kind: PartitioningKind.Rebalance } => new RebalanceChannelSelector<T>(senders.Length, subtask),
            { Kind: PartitioningKind.Broadcast } => new BroadcastChannelSelector<T>(),
            _ => new ForwardChannelSelector<T>(),
        };
        var writer = new RecordWriter<T>(selector, senders, _env.Options.BatchSize, _budget, _timestamp);
        _writers.Add(writer);
        return writer;
    }

    private sealed class KeyedSelectorFactory<T>(int maxParallelism, int channels) : IKeyedPartitioningVisitor<IChannelSelector<T>>
    {
        public IChannelSelector<T> Visit<TRecord, TKey>(KeyGroupPartitioning<TRecord, TKey> partitioning) where TKey : notnull =>
            (IChannelSelector<T>)(object)new KeyGroupChannelSelector<TRecord, TKey>(partitioning.KeySelector, maxParallelism, channels);
    }
}
