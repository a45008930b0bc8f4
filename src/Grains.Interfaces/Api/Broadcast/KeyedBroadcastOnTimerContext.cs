namespace OrleansFlow.Api;

/// <summary>What <see cref="KeyedBroadcastProcessFunction{TKey, TIn1, TIn2, TOut}.OnTimer"/> sees: the timer's key current, its domain, broadcast state read-only.</summary>
public abstract class KeyedBroadcastOnTimerContext<TKey> : KeyedBroadcastReadOnlyContext<TKey> where TKey : notnull
{
    /// <summary>Whether an event-time or a processing-time timer fired.</summary>
    public abstract TimeDomain TimeDomain { get; }
}
