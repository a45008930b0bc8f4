using OrleansFlow.Api.Graph;
using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>A stream partitioned by key; its operators have keyed state.</summary>
public sealed class KeyedStream<TKey, T> where TKey : notnull
{
    private readonly StreamJobBuilder _builder;
    private readonly Transformation _input;
    private readonly Func<T, TKey> _keySelector;

    internal KeyedStream(StreamJobBuilder builder, Transformation input, Func<T, TKey> keySelector)
    {
        _builder = builder;
        _input = input;
        _keySelector = keySelector;
    }

    /// <summary>
    /// Processes each record with keyed state. <paramref name="functionFactory"/> is called once per subtask (and per
    /// restart), so each subtask has its own function instance.
    /// </summary>
    public DataStream<TOut> Process<TOut>(Func<KeyedProcessFunction<TKey, T, TOut>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(functionFactory);
        return Add("process", functionFactory);
    }

    /// <summary>Emits, per record, the running reduction of its key's records (Flink's <c>reduce</c>); state name <c>reduce</c>.</summary>
    public DataStream<T> Reduce(Func<T, T, T> reduce)
    {
        ArgumentNullException.ThrowIfNull(reduce);
        return Add<T>("reduce", () => new ReduceFunction<TKey, T>(reduce));
    }

    /// <summary>Emits, per record, its key and the running sum of <paramref name="value"/> over its key's records; state name <c>sum</c>.</summary>
    public DataStream<KeyValuePair<TKey, long>> Sum(Func<T, long> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Add<KeyValuePair<TKey, long>>("sum", () => new SumFunction<TKey, T>(value));
    }

    /// <summary>Connects this keyed stream with a broadcast stream: process both with a <see cref="KeyedBroadcastProcessFunction{TKey, TIn1, TIn2, TOut}"/>.</summary>
    public KeyedBroadcastConnectedStream<TKey, T, T2> Connect<T2>(BroadcastStream<T2> broadcast)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        if (broadcast.Stream.Builder != _builder) throw new ArgumentException("Connected streams must belong to the same job.", nameof(broadcast));
        return new KeyedBroadcastConnectedStream<TKey, T, T2>(_builder, _input, _keySelector, broadcast);
    }

    /// <summary>Connects this keyed stream with another keyed by the same key type: process both with a <see cref="KeyedCoProcessFunction{TKey, TIn1, TIn2, TOut}"/>.</summary>
    public KeyedConnectedStreams<TKey, T, T2> Connect<T2>(KeyedStream<TKey, T2> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._builder != _builder) throw new ArgumentException("Connected streams must belong to the same job.", nameof(other));
        return new KeyedConnectedStreams<TKey, T, T2>(_builder, _input, _keySelector, other._input, other._keySelector);
    }

    /// <summary>
    /// Joins this stream's records with <paramref name="other"/>'s records of the same key whose event times lie within an
    /// interval of theirs (Flink's <c>intervalJoin</c>): <c>.Between(lower, upper).Process(() => new MyJoinFunction())</c>.
    /// </summary>
    public IntervalJoin<TKey, T, T2> IntervalJoin<T2>(KeyedStream<TKey, T2> other) => new(Connect(other));

    /// <summary>Cuts the stream into windows of <paramref name="assigner"/> (e.g. <c>TumblingEventTimeWindows.Of(TimeSpan.FromMinutes(1))</c>).</summary>
    public Windowing.WindowedStream<TKey, T, TWindow> Window<TWindow>(Windowing.WindowAssigner<TWindow> assigner) where TWindow : struct, Windowing.IWindow
    {
        ArgumentNullException.ThrowIfNull(assigner);
        return new Windowing.WindowedStream<TKey, T, TWindow>(this, assigner);
    }

    internal DataStream<TOut> Add<TOut>(string kind, Func<KeyedProcessFunction<TKey, T, TOut>> factory) =>
        new(_builder, _builder.Add(new KeyedProcessTransformation<TKey, T, TOut>(
            _builder.NextId, kind, _input, new KeyGroupPartitioning<T, TKey>(_keySelector), factory)));

    private sealed class ReduceFunction<TK, TV>(Func<TV, TV, TV> reduce) : KeyedProcessFunction<TK, TV, TV> where TK : notnull
    {
        private IReducingState<TV> _state = null!;

        public override void Open(IRuntimeContext context) =>
            _state = context.State.GetReducingState(new ReducingStateDescriptor<TV>("reduce", reduce));

        public override void ProcessElement(TV value, KeyedContext<TK> context, ICollector<TV> output)
        {
            _state.Add(value);
            _state.TryGet(out var reduced);
            output.Collect(reduced);
        }
    }

    private sealed class SumFunction<TK, TV>(Func<TV, long> value) : KeyedProcessFunction<TK, TV, KeyValuePair<TK, long>> where TK : notnull
    {
        private IValueState<long> _sum = null!;

        public override void Open(IRuntimeContext context) =>
            _sum = context.State.GetState(new ValueStateDescriptor<long>("sum"));

        public override void ProcessElement(TV record, KeyedContext<TK> context, ICollector<KeyValuePair<TK, long>> output)
        {
            var sum = _sum.Value + value(record);
            _sum.Update(sum);
            output.Collect(new KeyValuePair<TK, long>(context.CurrentKey, sum));
        }
    }
}
