namespace OrleansFlow.Api.Windowing;

/// <summary>Fixed-size, non-overlapping event-time windows aligned to the epoch (plus an offset): Flink's <c>TumblingEventTimeWindows</c>.</summary>
public sealed class TumblingEventTimeWindows : WindowAssigner<TimeWindow>
{
    private TumblingEventTimeWindows(long size, long offset)
    {
        Size = size;
        Offset = offset;
    }

    /// <summary>The window size in milliseconds.</summary>
    public long Size { get; }

    /// <summary>The alignment offset in milliseconds, in [0, size).</summary>
    public long Offset { get; }

    /// <summary>Windows of <paramref name="size"/>, starting at multiples of it since the epoch plus <paramref name="offset"/> (e.g. a time zone's).</summary>
    public static TumblingEventTimeWindows Of(TimeSpan size, TimeSpan offset = default)
    {
        var (s, o) = WindowSizes.Check(size, offset, nameof(size));
        return new TumblingEventTimeWindows(s, o);
    }

    /// <inheritdoc />
    public override void AssignWindows(long timestamp, long processingTime, List<TimeWindow> windows)
    {
        var start = TimeWindow.StartOf(timestamp, Offset, Size);
        windows.Add(new TimeWindow(start, start + Size));
    }

    /// <inheritdoc />
    public override Trigger<TimeWindow> DefaultTrigger => EventTimeTrigger.Create();

    /// <inheritdoc />
    public override bool IsEventTime => true;
}
