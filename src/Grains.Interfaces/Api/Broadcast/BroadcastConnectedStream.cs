using OrleansFlow.Api.Graph;

namespace OrleansFlow.Api;

/// <summary>A stream without keys connected with a broadcast stream (Flink's <c>BroadcastConnectedStream</c>).</summary>
public sealed class BroadcastConnectedStream<T1, T2>
{
    private readonly DataStream<T1> _first;
    private readonly BroadcastStream<T2> _broadcast;

    internal BroadcastConnectedStream(DataStream<T1> first, BroadcastStream<T2> broadcast)
    {
        _first = first;
        _broadcast = broadcast;
    }

    /// <summary>Processes both inputs; <paramref name="functionFactory"/> is called once per subtask (and per restart).</summary>
    public DataStream<TOut> Process<TOut>(Func<BroadcastProcessFunction<T1, T2, TOut>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(functionFactory);
        var builder = _first.Builder;
        var declared = _broadcast.Descriptors;
        return new DataStream<TOut>(builder, builder.Add(new CoProcessTransformation<T1, T2, TOut>(
            builder.NextId, _first.Transformation, _first.Partitioning, _broadcast.Stream.Transformation, Partitioning.Broadcast,
            () => new BroadcastProcessAdapter<T1, T2, TOut>(functionFactory(), declared))));
    }
}
