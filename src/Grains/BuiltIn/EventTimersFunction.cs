using OrleansFlow.Api;
using OrleansFlow.State;

namespace OrleansFlow.BuiltIn;

/// <summary>
/// Registers one event-time timer per record, at the record's event time plus a delay, and counts per key the timers
/// that fire (value state <c>fired</c>); at the end of input each key's <c>key,fired</c> goes out.
/// </summary>
internal sealed class EventTimersFunction(long delayMs) : KeyedProcessFunction<long, WindowSumEvent, KeyedSumEvent>
{
    private static readonly ValueStateDescriptor<long> FiredState = new("fired");
    private IValueState<long> _fired = null!;

    public override void Open(IRuntimeContext context) => _fired = context.State.GetState(FiredState);

    public override void ProcessElement(WindowSumEvent value, KeyedContext<long> context, ICollector<KeyedSumEvent> output) =>
        context.TimerService.RegisterEventTimeTimer(value.Time + delayMs);

    public override void OnTimer(long timestamp, OnTimerContext<long> context, ICollector<KeyedSumEvent> output) =>
        _fired.Update(_fired.Value + 1);

    public override void OnEndOfInput(KeyedContext<long> context, ICollector<KeyedSumEvent> output) =>
        context.ApplyToAllKeys(FiredState, key => output.Collect(new KeyedSumEvent(key, _fired.Value)));
}
