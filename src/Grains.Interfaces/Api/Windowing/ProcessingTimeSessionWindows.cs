namespace OrleansFlow.Api.Windowing;

/// <summary>Sessions of the silo's clock (Flink's <c>ProcessingTimeSessionWindows</c>): a key's session ends after a gap without elements arriving.</summary>
public sealed class ProcessingTimeSessionWindows : WindowAssigner<TimeWindow>
{
    private readonly long _gap;

    private ProcessingTimeSessionWindows(long gap) => _gap = gap;

    /// <summary>Sessions that end after <paramref name="gap"/> without elements.</summary>
    public static ProcessingTimeSessionWindows WithGap(TimeSpan gap)
    {
        var (g, _) = WindowSizes.Check(gap, TimeSpan.Zero, nameof(gap));
        return new ProcessingTimeSessionWindows(g);
    }

    /// <inheritdoc />
    public override void AssignWindows(long timestamp, long processingTime, List<TimeWindow> windows) =>
        windows.Add(new TimeWindow(processingTime, processingTime + _gap));

    /// <inheritdoc />
    public override Trigger<TimeWindow> DefaultTrigger => ProcessingTimeTrigger.Create();

    /// <inheritdoc />
    public override bool IsEventTime => false;

    /// <inheritdoc />
    public override bool IsMerging => true;
}
