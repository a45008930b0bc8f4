using OrleansFlow.Operators;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Operators;

/// <summary>An operator output that records what reaches it, records and event time in one ordered list.</summary>
internal sealed class RecordingOutput<T> : IOutput<T>
{
    public List<object> Received { get; } = [];

    public void Collect(T record) => Received.Add(record!);

    public void EmitWatermark(Watermark watermark) => Received.Add(watermark);

    public void EmitWatermarkStatus(WatermarkStatus status) => Received.Add(status);
}
