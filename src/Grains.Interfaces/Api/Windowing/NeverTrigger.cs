namespace OrleansFlow.Api.Windowing;

/// <summary>A trigger that never fires: the default of <see cref="GlobalWindows"/> (Flink's <c>GlobalWindows.NeverTrigger</c>).</summary>
public sealed class NeverTrigger<TWindow> : Trigger<TWindow> where TWindow : struct, IWindow
{
    /// <summary>The trigger.</summary>
    public static readonly NeverTrigger<TWindow> Instance = new();

    private NeverTrigger()
    {
    }

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, TWindow window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, TWindow window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, TWindow window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override bool CanMerge => true;

    /// <inheritdoc />
    public override void OnMerge(TWindow window, ITriggerContext context) { }
}
