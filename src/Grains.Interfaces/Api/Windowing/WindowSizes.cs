namespace OrleansFlow.Api.Windowing;

/// <summary>Checks of window sizes and the assignment of sliding windows, shared by the assigners.</summary>
internal static class WindowSizes
{
    /// <summary>A size of at least 1 ms in whole milliseconds and an offset in [0, size); throws naming the argument otherwise.</summary>
    public static (long Size, long Offset) Check(TimeSpan size, TimeSpan offset, string name)
    {
        if (size < TimeSpan.FromMilliseconds(1) || size.Ticks % TimeSpan.TicksPerMillisecond != 0)
            throw new ArgumentOutOfRangeException(name, size, $"A window's {name} must be a positive whole number of milliseconds.");
        var ms = (long)size.TotalMilliseconds;
        if (offset < TimeSpan.Zero || offset.Ticks % TimeSpan.TicksPerMillisecond != 0 || (long)offset.TotalMilliseconds >= ms)
            throw new ArgumentOutOfRangeException(nameof(offset), offset, $"A window's offset must be whole milliseconds in [0, {name}).");
        return (ms, (long)offset.TotalMilliseconds);
    }

    /// <summary>Adds the sliding windows containing <paramref name="timestamp"/>, latest first (as Flink does).</summary>
    public static void AddSliding(long timestamp, long size, long slide, long offset, List<TimeWindow> windows)
    {
        var last = TimeWindow.StartOf(timestamp, offset, slide);
        for (var start = last; start > timestamp - size; start -= slide) windows.Add(new TimeWindow(start, start + size));
    }
}
