using OrleansFlow.Api;
using OrleansFlow.State;

namespace OrleansFlow.Operators;

/// <summary>
/// The context a keyed operator gives its function's <c>OnTimer</c>: the operator's own context (current key, state,
/// side outputs) with the fired timer's time domain and time, which the operator sets before each call.
/// </summary>
internal sealed class KeyedTimerContext<TKey>(KeyedContext<TKey> owner) : OnTimerContext<TKey> where TKey : notnull
{
    /// <summary>The fired timer's time domain.</summary>
    public TimeDomain Domain;

    /// <summary>The fired timer's time.</summary>
    public long Time;

    public override TimeDomain TimeDomain => Domain;

    public override TKey CurrentKey => owner.CurrentKey;

    public override long? Timestamp => Domain == TimeDomain.EventTime ? Time : null;

    public override ITimerService TimerService => owner.TimerService;

    public override void Output<T>(OutputTag<T> tag, T value) => owner.Output(tag, value);

    internal override void SetOutputTimestamp(long timestamp) => owner.SetOutputTimestamp(timestamp);

    public override void ApplyToAllKeys(StateDescriptor state, Action<TKey> action) => owner.ApplyToAllKeys(state, action);
}
