namespace OrleansFlow.Api.Windowing;

/// <summary>Turns every <see cref="TriggerResult.Fire"/> of another trigger into <see cref="TriggerResult.FireAndPurge"/> (Flink's <c>PurgingTrigger</c>).</summary>
public sealed class PurgingTrigger<TWindow>(Trigger<TWindow> inner) : Trigger<TWindow> where TWindow : struct, IWindow
{
    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, TWindow window, ITriggerContext context) => Purging(inner.OnElement(timestamp, window, context));

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, TWindow window, ITriggerContext context) => Purging(inner.OnEventTime(time, window, context));

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, TWindow window, ITriggerContext context) => Purging(inner.OnProcessingTime(time, window, context));

    /// <inheritdoc />
    public override bool CanMerge => inner.CanMerge;

    /// <inheritdoc />
    public override void OnMerge(TWindow window, ITriggerContext context) => inner.OnMerge(window, context);

    /// <inheritdoc />
    public override void Clear(TWindow window, ITriggerContext context) => inner.Clear(window, context);

    private static TriggerResult Purging(TriggerResult result) => result == TriggerResult.Fire ? TriggerResult.FireAndPurge : result;
}

/// <summary>Creates <see cref="PurgingTrigger{TWindow}"/>s.</summary>
public static class PurgingTrigger
{
    /// <summary>Purges the window each time <paramref name="trigger"/> fires it.</summary>
    public static PurgingTrigger<TWindow> Of<TWindow>(Trigger<TWindow> trigger) where TWindow : struct, IWindow
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return new PurgingTrigger<TWindow>(trigger);
    }
}
