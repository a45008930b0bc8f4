using OrleansFlow.Api.Graph;

namespace OrleansFlow.Api;

/// <summary>Two streams, possibly of different types, processed together by one operator (Flink's <c>ConnectedStreams</c>).</summary>
public sealed class ConnectedStreams<T1, T2>
{
    private readonly DataStream<T1> _first;
    private readonly DataStream<T2> _second;

    internal ConnectedStreams(DataStream<T1> first, DataStream<T2> second)
    {
        _first = first;
        _second = second;
    }

    /// <summary>Keys both inputs with the same key type: records of equal keys meet in one subtask, with keyed state and timers.</summary>
    public KeyedConnectedStreams<TKey, T1, T2> KeyBy<TKey>(Func<T1, TKey> key1, Func<T2, TKey> key2) where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(key1);
        ArgumentNullException.ThrowIfNull(key2);
        return new KeyedConnectedStreams<TKey, T1, T2>(_first.Builder, _first.Transformation, key1, _second.Transformation, key2);
    }

    /// <summary>Processes both inputs with a function made per subtask by <paramref name="functionFactory"/>.</summary>
    public DataStream<TOut> Process<TOut>(Func<CoProcessFunction<T1, T2, TOut>> functionFactory)
    {
        ArgumentNullException.ThrowIfNull(functionFactory);
        var builder = _first.Builder;
        return new DataStream<TOut>(builder, builder.Add(new CoProcessTransformation<T1, T2, TOut>(
            builder.NextId, _first.Transformation, _first.Partitioning, _second.Transformation, _second.Partitioning, functionFactory)));
    }
}
