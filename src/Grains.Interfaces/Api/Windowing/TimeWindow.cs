namespace OrleansFlow.Api.Windowing;

/// <summary>A window of time [<see cref="Start"/>, <see cref="End"/>) in epoch milliseconds (Flink's <c>TimeWindow</c>).</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TimeWindow")]
public readonly record struct TimeWindow([property: Id(0)] long Start, [property: Id(1)] long End) : IWindow
{
    /// <inheritdoc />
    public long MaxTimestamp => End - 1;

    /// <summary>Whether the two windows overlap or touch (Flink merges session windows that do).</summary>
    public bool Intersects(TimeWindow other) => Start <= other.End && End >= other.Start;

    /// <summary>The smallest window that covers both.</summary>
    public TimeWindow Cover(TimeWindow other) => new(Math.Min(Start, other.Start), Math.Max(End, other.End));

    /// <summary>
    /// The start of the window of size <paramref name="windowSize"/> (aligned to the epoch plus <paramref name="offset"/>)
    /// that contains <paramref name="timestamp"/>: Flink's <c>TimeWindow.getWindowStartWithOffset</c>, correct for
    /// negative timestamps too.
    /// </summary>
    public static long StartOf(long timestamp, long offset, long windowSize)
    {
        var remainder = (timestamp - offset) % windowSize;
        return remainder < 0 ? timestamp - (remainder + windowSize) : timestamp - remainder;
    }
}
