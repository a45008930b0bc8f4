namespace OrleansFlow.State;

/// <summary>
/// How a value of a state with time to live is stored (and written into snapshots): the value and when it was last
/// renewed, in epoch milliseconds of the task's clock.
/// </summary>
[GenerateSerializer, Alias("OrleansFlow.TtlValue`1")]
public readonly record struct TtlValue<T>([property: Id(0)] T Value, [property: Id(1)] long LastAccess)
{
    /// <summary>Whether the value has expired at <paramref name="now"/> for time to live <paramref name="ttlMs"/>.</summary>
    public bool IsExpired(long now, long ttlMs) => LastAccess <= now - ttlMs;
}
