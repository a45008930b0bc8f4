namespace OrleansFlow.Api.Windowing;

/// <summary>Fires a window when the silo's clock passes its end (Flink's <c>ProcessingTimeTrigger</c>).</summary>
public sealed class ProcessingTimeTrigger : Trigger<TimeWindow>
{
    private static readonly ProcessingTimeTrigger Instance = new();

    private ProcessingTimeTrigger()
    {
    }

    /// <summary>The trigger.</summary>
    public static ProcessingTimeTrigger Create() => Instance;

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, TimeWindow window, ITriggerContext context)
    {
        context.RegisterProcessingTimeTimer(window.MaxTimestamp);
        return TriggerResult.Continue;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, TimeWindow window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, TimeWindow window, ITriggerContext context) =>
        time == window.MaxTimestamp ? TriggerResult.Fire : TriggerResult.Continue;

    /// <inheritdoc />
    public override bool CanMerge => true;

    /// <inheritdoc />
    public override void OnMerge(TimeWindow window, ITriggerContext context) => context.RegisterProcessingTimeTimer(window.MaxTimestamp);
}
