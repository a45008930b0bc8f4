using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>
/// What the keyed side of a <see cref="KeyedBroadcastProcessFunction{TKey, TIn1, TIn2, TOut}"/> sees: the keyed context
/// (current key, timers, side outputs) and the broadcast states, read-only.
/// </summary>
public abstract class KeyedBroadcastReadOnlyContext<TKey> : KeyedContext<TKey> where TKey : notnull
{
    /// <summary>A broadcast state the broadcast stream declared, read-only; throws for one it did not declare.</summary>
    public abstract IReadOnlyBroadcastState<TK, TV> GetBroadcastState<TK, TV>(MapStateDescriptor<TK, TV> descriptor) where TK : notnull;
}
