namespace OrleansFlow.State.Ttl;

/// <summary><see cref="IAggregatingState{TIn, TOut}"/> with time to live: an expired accumulator is not added to, a new one starts.</summary>
internal sealed class TtlAggregatingState<TIn, TAcc, TOut>(IValueState<TtlValue<TAcc>> inner, TtlPolicy policy, IAggregateFunction<TIn, TAcc, TOut> function)
    : IAggregatingState<TIn, TOut>
{
    public void Add(TIn value)
    {
        policy.Cleanup();
        var now = policy.Now();
        var accumulator = inner.TryGetValue(out var stored) && !policy.IsExpired(stored, now) ? stored.Value : function.CreateAccumulator();
        inner.Update(new TtlValue<TAcc>(function.Add(value, accumulator), now));
    }

    public bool TryGet(out TOut result)
    {
        policy.Cleanup();
        if (TtlRead.TryRead(inner, policy, out var accumulator))
        {
            result = function.GetResult(accumulator);
            return true;
        }
        result = default!;
        return false;
    }

    public void Clear() => inner.Clear();
}
