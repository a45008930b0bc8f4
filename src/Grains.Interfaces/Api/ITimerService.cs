namespace OrleansFlow.Api;

/// <summary>
/// The timers of a keyed function (Flink's <c>TimerService</c>), from <see cref="KeyedContext{TKey}.TimerService"/>.
/// Timers belong to the current key: a timer is identified by (key, time domain, timestamp), so registering it again
/// changes nothing and it fires once, calling <see cref="KeyedProcessFunction{TKey, TIn, TOut}.OnTimer"/> with that key
/// current. Timers are part of the operator's keyed state: they are in checkpoints and savepoints and move with their
/// key group when the job is rescaled. An event-time timer fires when the watermark reaches its timestamp (at the latest
/// at the end of a bounded input, whose final watermark is <see cref="long.MaxValue"/>); a processing-time timer when
/// the silo's clock does. Call only from the function's own calls (the task's processing turn).
/// </summary>
public interface ITimerService
{
    /// <summary>The silo's clock, in epoch milliseconds.</summary>
    long CurrentProcessingTime();

    /// <summary>The operator's current input watermark in epoch milliseconds (<see cref="long.MinValue"/> before the first).</summary>
    long CurrentWatermark();

    /// <summary>Registers an event-time timer of the current key at <paramref name="timestamp"/> (epoch milliseconds).</summary>
    void RegisterEventTimeTimer(long timestamp);

    /// <summary>Registers a processing-time timer of the current key at <paramref name="timestamp"/> (epoch milliseconds).</summary>
    void RegisterProcessingTimeTimer(long timestamp);

    /// <summary>Deletes the current key's event-time timer at <paramref name="timestamp"/>, if there is one.</summary>
    void DeleteEventTimeTimer(long timestamp);

    /// <summary>Deletes the current key's processing-time timer at <paramref name="timestamp"/>, if there is one.</summary>
    void DeleteProcessingTimeTimer(long timestamp);
}
