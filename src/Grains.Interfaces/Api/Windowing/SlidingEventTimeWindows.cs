namespace OrleansFlow.Api.Windowing;

/// <summary>
/// Windows of a fixed size every slide (overlapping when the slide is smaller), aligned to the epoch plus an offset:
/// Flink's <c>SlidingEventTimeWindows</c>. An element belongs to about size/slide windows.
/// </summary>
public sealed class SlidingEventTimeWindows : WindowAssigner<TimeWindow>
{
    private SlidingEventTimeWindows(long size, long slide, long offset)
    {
        Size = size;
        Slide = slide;
        Offset = offset;
    }

    /// <summary>The window size in milliseconds.</summary>
    public long Size { get; }

    /// <summary>How far apart windows start, in milliseconds.</summary>
    public long Slide { get; }

    /// <summary>The alignment offset in milliseconds, in [0, slide).</summary>
    public long Offset { get; }

    /// <summary>Windows of <paramref name="size"/> starting every <paramref name="slide"/>.</summary>
    public static SlidingEventTimeWindows Of(TimeSpan size, TimeSpan slide, TimeSpan offset = default)
    {
        var (s, _) = WindowSizes.Check(size, TimeSpan.Zero, nameof(size));
        var (sl, o) = WindowSizes.Check(slide, offset, nameof(slide));
        return new SlidingEventTimeWindows(s, sl, o);
    }

    /// <inheritdoc />
    public override void AssignWindows(long timestamp, long processingTime, List<TimeWindow> windows) =>
        WindowSizes.AddSliding(timestamp, Size, Slide, Offset, windows);

    /// <inheritdoc />
    public override Trigger<TimeWindow> DefaultTrigger => EventTimeTrigger.Create();

    /// <inheritdoc />
    public override bool IsEventTime => true;
}
