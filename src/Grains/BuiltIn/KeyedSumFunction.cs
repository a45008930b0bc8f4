using OrleansFlow.Api;
using OrleansFlow.State;

namespace OrleansFlow.BuiltIn;

/// <summary>Sums values per key in the <c>sum</c> value state; emits each key's final sum when the input ends.</summary>
internal sealed class KeyedSumFunction(IReadOnlySet<long>? faults = null) : KeyedProcessFunction<long, KeyedSumEvent, KeyedSumEvent>
{
    public static readonly ValueStateDescriptor<long> SumState = new("sum");

    /// <summary>The current key's sum (for inspection after a run).</summary>
    public long Sum => _sum.Value;

    private IValueState<long> _sum = null!;
    private string _jobId = "";

    public override void Open(IRuntimeContext context)
    {
        _sum = context.State.GetState(SumState);
        _jobId = context.JobId;
    }

    public override void ProcessElement(KeyedSumEvent value, KeyedContext<long> context, ICollector<KeyedSumEvent> output)
    {
        if (faults is not null && faults.Contains(value.Value) && FaultInjection.FireOnce(_jobId, value.Value))
            throw new InjectedFaultException($"Injected fault at event {value.Value}.");
        _sum.Update(_sum.Value + value.Value);
    }

    public override void OnEndOfInput(KeyedContext<long> context, ICollector<KeyedSumEvent> output) =>
        context.ApplyToAllKeys(SumState, key => output.Collect(new KeyedSumEvent(key, _sum.Value)));
}
