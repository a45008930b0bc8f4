namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Fires a window once the watermark passes its end (Flink's <c>EventTimeTrigger</c>), and at once for each element
/// that arrives later within the allowed lateness (a late firing that updates the result).
/// </summary>
public sealed class EventTimeTrigger : Trigger<TimeWindow>
{
    private static readonly EventTimeTrigger Instance = new();

    private EventTimeTrigger()
    {
    }

    /// <summary>The trigger.</summary>
    public static EventTimeTrigger Create() => Instance;

    /// <inheritdoc />
    public override TriggerResult OnElement(long timestamp, TimeWindow window, ITriggerContext context)
    {
        if (window.MaxTimestamp <= context.CurrentWatermark) return TriggerResult.Fire; // late, within the allowed lateness
        context.RegisterEventTimeTimer(window.MaxTimestamp);
        return TriggerResult.Continue;
    }

    /// <inheritdoc />
    public override TriggerResult OnEventTime(long time, TimeWindow window, ITriggerContext context) =>
        time == window.MaxTimestamp ? TriggerResult.Fire : TriggerResult.Continue;

    /// <inheritdoc />
    public override TriggerResult OnProcessingTime(long time, TimeWindow window, ITriggerContext context) => TriggerResult.Continue;

    /// <inheritdoc />
    public override bool CanMerge => true;

    /// <inheritdoc />
    public override void OnMerge(TimeWindow window, ITriggerContext context)
    {
        if (window.MaxTimestamp > context.CurrentWatermark) context.RegisterEventTimeTimer(window.MaxTimestamp);
    }
}
