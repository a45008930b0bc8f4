namespace OrleansFlow.Api.Windowing;

/// <summary>Fixed-size, non-overlapping windows of the silo's clock when elements arrive: Flink's <c>TumblingProcessingTimeWindows</c>.</summary>
public sealed class TumblingProcessingTimeWindows : WindowAssigner<TimeWindow>
{
    private readonly long _size;
    private readonly long _offset;

    private TumblingProcessingTimeWindows(long size, long offset)
    {
        _size = size;
        _offset = offset;
    }

    /// <summary>Windows of <paramref name="size"/> aligned to the epoch plus <paramref name="offset"/>.</summary>
    public static TumblingProcessingTimeWindows Of(TimeSpan size, TimeSpan offset = default)
    {
        var (s, o) = WindowSizes.Check(size, offset, nameof(size));
        return new TumblingProcessingTimeWindows(s, o);
    }

    /// <inheritdoc />
    public override void AssignWindows(long timestamp, long processingTime, List<TimeWindow> windows)
    {
        var start = TimeWindow.StartOf(processingTime, _offset, _size);
        windows.Add(new TimeWindow(start, start + _size));
    }

    /// <inheritdoc />
    public override Trigger<TimeWindow> DefaultTrigger => ProcessingTimeTrigger.Create();

    /// <inheritdoc />
    public override bool IsEventTime => false;
}
