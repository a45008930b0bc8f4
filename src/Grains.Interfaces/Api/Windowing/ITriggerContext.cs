using OrleansFlow.State;

namespace OrleansFlow.Api.Windowing;

/// <summary>
/// What a <see cref="Trigger{TWindow}"/> may use (Flink's <c>Trigger.TriggerContext</c>): time, timers and state scoped
/// to the current key and window. Timers belong to the key and are shared by its windows, so a trigger receives
/// <see cref="Trigger{TWindow}.OnEventTime"/> for every timer of the key, including ones another window (or the window's
/// cleanup) registered: it must act only on the times it expects, as Flink's triggers do for cleanup timers.
/// Deleting a timer is therefore advisory. Valid only during the trigger call it is passed to.
/// </summary>
public interface ITriggerContext
{
    /// <summary>The operator's current input watermark (epoch milliseconds).</summary>
    long CurrentWatermark { get; }

    /// <summary>The silo's clock (epoch milliseconds).</summary>
    long CurrentProcessingTime { get; }

    /// <summary>Asks for <see cref="Trigger{TWindow}.OnEventTime"/> when the watermark reaches <paramref name="time"/>.</summary>
    void RegisterEventTimeTimer(long time);

    /// <summary>Asks for <see cref="Trigger{TWindow}.OnProcessingTime"/> when the clock reaches <paramref name="time"/>.</summary>
    void RegisterProcessingTimeTimer(long time);

    /// <summary>Withdraws an event-time timer (advisory: it may still come, see the type's remarks).</summary>
    void DeleteEventTimeTimer(long time);

    /// <summary>Withdraws a processing-time timer (advisory).</summary>
    void DeleteProcessingTimeTimer(long time);

    /// <summary>A value state of the current key and window (the window's state is dropped when the window is cleared).</summary>
    IValueState<T> GetState<T>(ValueStateDescriptor<T> descriptor);
}
