namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Puts each element into zero or more windows (Flink's <c>WindowAssigner</c>), by its event time or by the processing
/// time when it arrives. Built-in: <see cref="TumblingEventTimeWindows"/>, <see cref="SlidingEventTimeWindows"/>,
/// <see cref="EventTimeSessionWindows"/>, their processing-time variants, and <see cref="GlobalWindows"/>.
/// Implementations must be pure and thread-safe (one instance serves every subtask).
/// </summary>
public abstract class WindowAssigner<TWindow> where TWindow : struct, IWindow
{
    /// <summary>Adds the windows of an element with event time <paramref name="timestamp"/>, arriving at processing time <paramref name="processingTime"/>.</summary>
    public abstract void AssignWindows(long timestamp, long processingTime, List<TWindow> windows);

    /// <summary>The trigger used when the job sets none.</summary>
    public abstract Trigger<TWindow> DefaultTrigger { get; }

    /// <summary>Whether windows follow event time (watermarks) rather than processing time.</summary>
    public abstract bool IsEventTime { get; }

    /// <summary>Whether windows merge (sessions): a new window is merged with every window of the key it intersects.</summary>
    public virtual bool IsMerging => false;
}
