namespace OrleansFlow.Api.Windowing;

/// <summary>Sliding windows of the silo's clock when elements arrive: Flink's <c>SlidingProcessingTimeWindows</c>.</summary>
public sealed class SlidingProcessingTimeWindows : WindowAssigner<TimeWindow>
{
    private readonly long _size;
    private readonly long _slide;
    private readonly long _offset;

    private SlidingProcessingTimeWindows(long size, long slide, long offset)
    {
        _size = size;
        _slide = slide;
        _offset = offset;
    }

    /// <summary>Windows of <paramref name="size"/> starting every <paramref name="slide"/>.</summary>
    public static SlidingProcessingTimeWindows Of(TimeSpan size, TimeSpan slide, TimeSpan offset = default)
    {
        var (s, _) = WindowSizes.Check(size, TimeSpan.Zero, nameof(size));
        var (sl, o) = WindowSizes.Check(slide, offset, nameof(slide));
        return new SlidingProcessingTimeWindows(s, sl, o);
    }

    /// <inheritdoc />
    public override void AssignWindows(long timestamp, long processingTime, List<TimeWindow> windows) =>
        WindowSizes.AddSliding(processingTime, _size, _slide, _offset, windows);

    /// <inheritdoc />
    public override Trigger<TimeWindow> DefaultTrigger => ProcessingTimeTrigger.Create();

    /// <inheritdoc />
    public override bool IsEventTime => false;
}
