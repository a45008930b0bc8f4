namespace OrleansFlow.State;

/// <summary>A keyed state store that offers <see cref="ISliceState{TKey, TAcc}"/> (the heap backend).</summary>
internal interface ISliceStateStore<TKey> where TKey : notnull
{
    /// <summary>
    /// The slice state named <paramref name="name"/>; <paramref name="nextFire"/> gives a key's next window end from its
    /// earliest slice end and the last window end that fired (as a snapshot stores it per key).
    /// </summary>
    ISliceState<TKey, TAcc> GetSliceState<TAcc>(string name, Func<long, long, long> nextFire);
}
