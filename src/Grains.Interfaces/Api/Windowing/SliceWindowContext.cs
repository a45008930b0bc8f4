namespace OrleansFlow.Api.Windowing;

/// <summary>The window context a slicing window operator gives its process window function: the fired window and the operator's time.</summary>
internal sealed class SliceWindowContext : WindowContext<TimeWindow>
{
    public TimeWindow Current;
    public ITimerService Timers = null!;

    public override TimeWindow Window => Current;

    public override long CurrentWatermark => Timers.CurrentWatermark();

    public override long CurrentProcessingTime => Timers.CurrentProcessingTime();
}
