using OrleansFlow.Api.Graph;

namespace OrleansFlow.Api;

/// <summary>A stream of records of type <typeparamref name="T"/>, the output of one operator.</summary>
public sealed class DataStream<T>
{
    private readonly Partitioning _partitioning;

    /// <summary>How the next operator reads this stream (forward unless repartitioned).</summary>
    internal Partitioning Partitioning => _partitioning;

    internal DataStream(StreamJobBuilder builder, Transformation transformation, Partitioning? partitioning = null)
    {
        Builder = builder;
        Transformation = transformation;
        _partitioning = partitioning ?? Partitioning.Forward;
    }

    internal StreamJobBuilder Builder { get; }

    internal Transformation Transformation { get; }

    /// <summary>
    /// Sets this operator's stable uid: its identity in checkpoints and savepoints. Without one, the uid is
    /// <c>{kind}-{n}</c> with n the operator's position in creation order (e.g. <c>source-0</c>, <c>map-1</c>).
    /// </summary>
    public DataStream<T> Uid(string uid)
    {
        Transformation.SetUid(uid);
        return this;
    }

    /// <summary>Overrides the job's parallelism for this operator.</summary>
    public DataStream<T> SetParallelism(int parallelism)
    {
        if (parallelism < 1) throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "Parallelism must be at least 1.");
        Transformation.Parallelism = parallelism;
        return this;
    }

    /// <summary>Applies <paramref name="map"/> to each record.</summary>
    public DataStream<TOut> Map<TOut>(Func<T, TOut> map)
    {
        ArgumentNullException.ThrowIfNull(map);
        return Next<TOut>(new MapTransformation<T, TOut>(Builder.NextId, Transformation, _partitioning, map));
    }

    /// <summary>Keeps the records for which <paramref name="predicate"/> is true.</summary>
    public DataStream<T> Filter(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Next<T>(new FilterTransformation<T>(Builder.NextId, Transformation, _partitioning, predicate));
    }

    /// <summary>Emits zero or more records per record.</summary>
    public DataStream<TOut> FlatMap<TOut>(Action<T, ICollector<TOut>> flatMap)
    {
        ArgumentNullException.ThrowIfNull(flatMap);
        return Next<TOut>(new FlatMapTransformation<T, TOut>(Builder.NextId, Transformation, _partitioning, flatMap));
    }

    /// <summary>
    /// Processes each record with a <see cref="ProcessFunction{TIn, TOut}"/> (operator state through
    /// <see cref="ICheckpointedFunction"/>, side outputs). <paramref name="functionFactory"/> is called once per subtask.
    /// </summary>
    public DataStream<TOut> Process<TOut>(Func<ProcessFunction<T, TOut>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(functionFactory);
        return Next<TOut>(new ProcessTransformation<T, TOut>(Builder.NextId, Transformation, _partitioning, functionFactory));
    }

    /// <summary>Partitions the stream by key: records with equal keys reach the same subtask, by key group.</summary>
    public KeyedStream<TKey, T> KeyBy<TKey>(Func<T, TKey> keySelector) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        return new KeyedStream<TKey, T>(Builder, Transformation, keySelector);
    }

    /// <summary>Sends the next operator's input round-robin over its subtasks.</summary>
    public DataStream<T> Rebalance() => new(Builder, Transformation, Partitioning.Rebalance);

    /// <summary>Sends every record to every subtask of the next operator.</summary>
    public DataStream<T> Broadcast() => new(Builder, Transformation, Partitioning.Broadcast);

    /// <summary>
    /// This stream as a broadcast stream with the broadcast states <paramref name="descriptors"/> (map state descriptors,
    /// Flink's <c>broadcast(MapStateDescriptor...)</c>): connect it to another stream, whose every subtask then reads every
    /// record of this one and holds these states.
    /// </summary>
    public BroadcastStream<T> Broadcast(params State.StateDescriptor[] descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        if (descriptors.Length == 0) throw new ArgumentException("A broadcast stream declares at least one broadcast state (a MapStateDescriptor).", nameof(descriptors));
        foreach (var d in descriptors)
        {
            ArgumentNullException.ThrowIfNull(d, nameof(descriptors));
            if (d.Kind != State.StateKind.Map) throw new ArgumentException($"Broadcast state '{d.Name}' must be described by a MapStateDescriptor, not a {d.Kind} descriptor.", nameof(descriptors));
        }
        var duplicate = descriptors.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ArgumentException($"Broadcast state '{duplicate.Key}' is declared twice.", nameof(descriptors));
        return new BroadcastStream<T>(this, [.. descriptors]);
    }

    /// <summary>
    /// Connects this stream with the broadcast stream <paramref name="broadcast"/>: process both with a
    /// <see cref="BroadcastProcessFunction{TIn1, TIn2, TOut}"/> (key this stream first for keyed state and timers).
    /// </summary>
    public BroadcastConnectedStream<T, T2> Connect<T2>(BroadcastStream<T2> broadcast)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        if (broadcast.Stream.Builder != Builder) throw new ArgumentException("Connected streams must belong to the same job.", nameof(broadcast));
        return new BroadcastConnectedStream<T, T2>(this, broadcast);
    }

    /// <summary>
    /// The records this operator emitted into side output <paramref name="tag"/> (with
    /// <see cref="KeyedContext{TKey}.Output{T}"/>, or a window's late data), as a stream of its own. Its consumers are
    /// never chained to this operator: the side output goes over a network edge, with this operator's watermarks.
    /// </summary>
    public DataStream<TSide> GetSideOutput<TSide>(OutputTag<TSide> tag)
    {
        ArgumentNullException.ThrowIfNull(tag);
        if (!Transformation.CanEmitSideOutputs)
            throw new InvalidOperationException($"Operator '{Transformation.Uid}' ({Transformation.Kind}) has no side outputs: only process functions and windows emit them.");
        return new DataStream<TSide>(Builder, Builder.Add(new SideOutputTransformation<TSide>(Builder.NextId, Transformation, tag)));
    }

    /// <summary>
    /// This stream and <paramref name="others"/> as one (Flink's <c>union</c>): the next operator reads every record of
    /// each, in no order across them, and its watermark is the minimum over all. A stream may appear more than once
    /// (its records then come once per appearance). Partition the union (e.g. <c>KeyBy</c>) as any stream.
    /// </summary>
    public DataStream<T> Union(params DataStream<T>[] others)
    {
        ArgumentNullException.ThrowIfNull(others);
        if (others.Length == 0) throw new ArgumentException("Union needs at least one other stream.", nameof(others));
        foreach (var other in others)
        {
            ArgumentNullException.ThrowIfNull(other, nameof(others));
            if (other.Builder != Builder) throw new ArgumentException("A union's streams must belong to the same job.", nameof(others));
        }
        Transformation[] inputs = [Transformation, .. others.Select(o => o.Transformation)];
        return new DataStream<T>(Builder, Builder.Add(new UnionTransformation<T>(Builder.NextId, inputs)));
    }

    /// <summary>
    /// Connects this stream with <paramref name="other"/> for one operator that reads both (Flink's <c>connect</c>):
    /// process them with a <see cref="CoProcessFunction{TIn1, TIn2, TOut}"/>, or key both first
    /// (<see cref="ConnectedStreams{T1, T2}.KeyBy{TKey}"/>) for keyed state and timers.
    /// </summary>
    public ConnectedStreams<T, T2> Connect<T2>(DataStream<T2> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Builder != Builder) throw new ArgumentException("Connected streams must belong to the same job.", nameof(other));
        return new ConnectedStreams<T, T2>(this, other);
    }

    /// <summary>Joins this stream with <paramref name="other"/> in windows: <c>.Where(ka).EqualTo(kb).Window(assigner).Apply(f)</c>.</summary>
    public JoinedStreams<T, T2> Join<T2>(DataStream<T2> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Builder != Builder) throw new ArgumentException("Joined streams must belong to the same job.", nameof(other));
        return new JoinedStreams<T, T2>(this, other);
    }

    /// <summary>Writes the stream to <paramref name="sink"/>.</summary>
    public DataStream<T> SinkTo(ISink<T> sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        return Next<T>(new SinkTransformation<T>(Builder.NextId, Transformation, _partitioning, sink));
    }

    private DataStream<TOut> Next<TOut>(Transformation next) => new(Builder, Builder.Add(next));
}
