namespace OrleansFlow.Tasks;

/// <summary>
/// A channel's upstream became idle (it emits nothing for now, so its watermark must not hold event time back) or
/// active again (Flink's <c>WatermarkStatus</c>). Travels in-band like a watermark.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.WatermarkStatus")]
public sealed class WatermarkStatus : StreamElement
{
    /// <summary>The upstream is idle.</summary>
    public static readonly WatermarkStatus Idle = new(true);

    /// <summary>The upstream is active.</summary>
    public static readonly WatermarkStatus Active = new(false);

    private WatermarkStatus(bool isIdle) => IsIdle = isIdle;

    /// <summary>Whether the upstream is idle.</summary>
    [Id(0)] public bool IsIdle { get; }

    /// <inheritdoc />
    public override string ToString() => IsIdle ? "Idle" : "Active";
}
