using OrleansFlow.Api.Graph;

namespace OrleansFlow.Api;

/// <summary>A keyed stream connected with a broadcast stream (Flink's keyed <c>BroadcastConnectedStream</c>).</summary>
public sealed class KeyedBroadcastConnectedStream<TKey, T1, T2> where TKey : notnull
{
    private readonly StreamJobBuilder _builder;
    private readonly Transformation _first;
    private readonly Func<T1, TKey> _key;
    private readonly BroadcastStream<T2> _broadcast;

    internal KeyedBroadcastConnectedStream(StreamJobBuilder builder, Transformation first, Func<T1, TKey> key, BroadcastStream<T2> broadcast)
    {
        _builder = builder;
        _first = first;
        _key = key;
        _broadcast = broadcast;
    }

    /// <summary>Processes both inputs with keyed state and timers on the keyed side; <paramref name="functionFactory"/> is called once per subtask.</summary>
    public DataStream<TOut> Process<TOut>(Func<KeyedBroadcastProcessFunction<TKey, T1, T2, TOut>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(functionFactory);
        var declared = _broadcast.Descriptors;
        return new DataStream<TOut>(_builder, _builder.Add(new KeyedCoProcessTransformation<TKey, T1, T2, TOut>(
            _builder.NextId, _first, new KeyGroupPartitioning<T1, TKey>(_key), _broadcast.Stream.Transformation, Partitioning.Broadcast, null,
            () => new KeyedBroadcastProcessAdapter<TKey, T1, T2, TOut>(functionFactory(), declared))));
    }
}
