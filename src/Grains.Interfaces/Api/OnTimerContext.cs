namespace OrleansFlow.Api;

/// <summary>
/// The context of <see cref="KeyedProcessFunction{TKey, TIn, TOut}.OnTimer"/>: the timer's key is
/// <see cref="KeyedContext{TKey}.CurrentKey"/> (state handles address it), <see cref="TimeDomain"/> says which clock
/// fired, and <see cref="KeyedContext{TKey}.TimerService"/> may register further timers.
/// </summary>
public abstract class OnTimerContext<TKey> : KeyedContext<TKey> where TKey : notnull
{
    /// <summary>The clock of the timer that fired.</summary>
    public abstract TimeDomain TimeDomain { get; }
}
