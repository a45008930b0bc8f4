namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Decides when a window is evaluated and when its contents are dropped (Flink's <c>Trigger</c>). Called per element
/// added to a window, per timer of the window's key, on a merge of windows, and once when the window is cleared.
/// Built-in: <see cref="EventTimeTrigger"/>, <see cref="ProcessingTimeTrigger"/>, <see cref="CountTrigger"/>,
/// <see cref="PurgingTrigger"/>. One instance serves every key and window of a subtask: keep state in
/// <see cref="ITriggerContext.GetState{T}"/>, never in fields.
/// </summary>
public abstract class Trigger<TWindow> where TWindow : struct, IWindow
{
    /// <summary>An element with event time <paramref name="timestamp"/> was added to <paramref name="window"/>.</summary>
    public abstract TriggerResult OnElement(long timestamp, TWindow window, ITriggerContext context);

    /// <summary>An event-time timer of the key fired at <paramref name="time"/> (see <see cref="ITriggerContext"/>: it may not be this window's).</summary>
    public abstract TriggerResult OnEventTime(long time, TWindow window, ITriggerContext context);

    /// <summary>A processing-time timer of the key fired at <paramref name="time"/>.</summary>
    public abstract TriggerResult OnProcessingTime(long time, TWindow window, ITriggerContext context);

    /// <summary>Whether the trigger supports merging windows (sessions).</summary>
    public virtual bool CanMerge => false;

    /// <summary>Windows were merged into <paramref name="window"/>: re-register what the merged window needs.</summary>
    public virtual void OnMerge(TWindow window, ITriggerContext context) =>
        throw new NotSupportedException($"{GetType().Name} does not support merging windows.");

    /// <summary>The window is cleared (purged at its cleanup time, or merged away): drop what the trigger keeps for it.</summary>
    public virtual void Clear(TWindow window, ITriggerContext context) { }
}
