using OrleansFlow.Api.Graph;

namespace OrleansFlow.Api;

/// <summary>Two connected streams keyed with the same key type (Flink's keyed <c>ConnectedStreams</c>).</summary>
public sealed class KeyedConnectedStreams<TKey, T1, T2> where TKey : notnull
{
    private readonly StreamJobBuilder _builder;
    private readonly Transformation _first;
    private readonly Func<T1, TKey> _key1;
    private readonly Transformation _second;
    private readonly Func<T2, TKey> _key2;

    internal KeyedConnectedStreams(StreamJobBuilder builder, Transformation first, Func<T1, TKey> key1, Transformation second, Func<T2, TKey> key2)
    {
        _builder = builder;
        _first = first;
        _key1 = key1;
        _second = second;
        _key2 = key2;
    }

    /// <summary>
    /// Processes both inputs with keyed state and timers; <paramref name="functionFactory"/> is called once per subtask
    /// (and per restart).
    /// </summary>
    public DataStream<TOut> Process<TOut>(Func<KeyedCoProcessFunction<TKey, T1, T2, TOut>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(functionFactory);
        return new DataStream<TOut>(_builder, _builder.Add(new KeyedCoProcessTransformation<TKey, T1, T2, TOut>(
            _builder.NextId, _first, new KeyGroupPartitioning<T1, TKey>(_key1), _second, new KeyGroupPartitioning<T2, TKey>(_key2), _key2, functionFactory)));
    }
}
