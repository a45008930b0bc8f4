using OrleansFlow.Api.EventTime;

namespace OrleansFlow.Tests.EventTime;

/// <summary>Records what a watermark generator emits: a timestamp, or "idle"/"active".</summary>
internal sealed class RecordingWatermarkOutput : IWatermarkOutput
{
    public List<string> Emitted { get; } = [];

    public void EmitWatermark(long timestamp) => Emitted.Add(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void MarkIdle() => Emitted.Add("idle");

    public void MarkActive() => Emitted.Add("active");
}
