namespace OrleansFlow.State;

/// <summary>
/// Where a keyed function gets its state handles. Call it in <c>Open</c> and keep the handles: a handle always reads
/// and writes the value of the current key. Asking twice for the same name returns the same state; asking for a name
/// with another kind or type throws.
/// </summary>
public interface IKeyedStateStore
{
    /// <summary>The value state named by <paramref name="descriptor"/>.</summary>
    IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor);

    /// <summary>The list state named by <paramref name="descriptor"/>.</summary>
    IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>The map state named by <paramref name="descriptor"/>.</summary>
    IMapState<TUserKey, TValue> GetMapState<TUserKey, TValue>(MapStateDescriptor<TUserKey, TValue> descriptor) where TUserKey : notnull;

    /// <summary>The reducing state named by <paramref name="descriptor"/>.</summary>
    IReducingState<T> GetReducingState<T>(ReducingStateDescriptor<T> descriptor);

    /// <summary>The aggregating state named by <paramref name="descriptor"/>.</summary>
    IAggregatingState<TIn, TOut> GetAggregatingState<TIn, TAcc, TOut>(AggregatingStateDescriptor<TIn, TAcc, TOut> descriptor);
}
