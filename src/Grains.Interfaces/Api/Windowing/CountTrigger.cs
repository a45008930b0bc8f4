using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>Fires a window every <c>count</c> elements (Flink's <c>CountTrigger</c>); the count is per key and window.</summary>
public sealed class CountTrigger<TWindow> : Trigger<TWindow> where TWindow : struct, IWindow
{
    private static readonly ValueStateDescriptor<long> CountState = new("count");
    private readonly long _count;

    internal CountTrigger(long count) => _count = count;

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, TWindow window, ITriggerContext context)
    {
        var state = context.GetState(CountState);
        var count = state.Value + 1;
        if (count < _count)
        {
            state.Update(count);
            return TriggerResult.Continue;
        }
        state.Clear();
        return TriggerResult.Fire;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, TWindow window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, TWindow window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override void Clear(TWindow window, ITriggerContext context) => context.GetState(CountState).Clear();
}

/// <summary>Creates <see cref="CountTrigger{TWindow}"/>s.</summary>
public static class CountTrigger
{
    /// <summary>Fires every <paramref name="count"/> elements of a window (count ≥ 1).</summary>
    public static CountTrigger<TWindow> Of<TWindow>(long count) where TWindow : struct, IWindow
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return new CountTrigger<TWindow>(count);
    }

    /// <summary>Fires every <paramref name="count"/> elements of a key's <see cref="GlobalWindow"/>.</summary>
    public static CountTrigger<GlobalWindow> Of(long count) => Of<GlobalWindow>(count);
}
