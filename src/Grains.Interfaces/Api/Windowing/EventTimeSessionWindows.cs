namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Sessions in event time (Flink's <c>EventTimeSessionWindows</c>): each element opens [t, t + gap), and a key's windows
/// that overlap or touch merge, so a session ends after a gap without elements.
/// </summary>
public sealed class EventTimeSessionWindows : WindowAssigner<TimeWindow>
{
    private readonly long _gap;

    private EventTimeSessionWindows(long gap) => _gap = gap;

    /// <summary>Sessions that end after <paramref name="gap"/> without elements.</summary>
    public static EventTimeSessionWindows WithGap(TimeSpan gap)
    {
        var (g, _) = WindowSizes.Check(gap, TimeSpan.Zero, nameof(gap));
        return new EventTimeSessionWindows(g);
    }

    /// <inheritdoc />
    public override void AssignWindows(long timestamp, long processingTime, List<TimeWindow> windows) =>
        windows.Add(new TimeWindow(timestamp, timestamp + _gap));

    /// <inheritdoc />
    public override Trigger<TimeWindow> DefaultTrigger => EventTimeTrigger.Create();

    /// <inheritdoc />
    public override bool IsEventTime => true;

    /// <inheritdoc />
    public override bool IsMerging => true;
}
