namespace OrleansFlow.Tasks;

/// <summary>
/// Event time has reached <see cref="Timestamp"/> (epoch milliseconds) on a channel: no later element on it has a
/// smaller timestamp, except late ones. Travels in-band, is never stored in a checkpoint (it is regenerated after a
/// restore, as in Flink), and <see cref="long.MaxValue"/> ends event time (a bounded input's end).
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.Watermark")]
public sealed class Watermark(long timestamp) : StreamElement
{
    /// <summary>The watermark that ends event time: fires every pending event-time timer and window.</summary>
    public static readonly Watermark Max = new(long.MaxValue);

    /// <summary>No watermark yet.</summary>
    public static readonly Watermark Min = new(long.MinValue);

    /// <summary>The event time reached, in epoch milliseconds.</summary>
    [Id(0)] public long Timestamp { get; } = timestamp;

    /// <inheritdoc />
    public override string ToString() => $"Watermark({Timestamp})";
}
