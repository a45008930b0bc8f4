namespace OrleansFlow.State.Ttl;

/// <summary><see cref="IReducingState{T}"/> with time to live: an expired value is not reduced into, the new one starts over.</summary>
internal sealed class TtlReducingState<T>(IValueState<TtlValue<T>> inner, TtlPolicy policy, Func<T, T, T> reduce) : IReducingState<T>
{
    public void Add(T value)
    {
        policy.Cleanup();
        var now = policy.Now();
        var reduced = inner.TryGetValue(out var stored) && !policy.IsExpired(stored, now) ? reduce(stored.Value, value) : value;
        inner.Update(new TtlValue<T>(reduced, now));
    }

    public bool TryGet(out T value)
    {
        policy.Cleanup();
        return TtlRead.TryRead(inner, policy, out value);
    }

    public void Clear() => inner.Clear();
}
