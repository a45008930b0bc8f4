using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>Hands each record and each change of event time to several outputs (an operator consumed by several vertices).</summary>
internal sealed class FanOutOutput<T>(IOutput<T>[] outputs) : IOutput<T>
{
    public void Collect(T record)
    {
        foreach (var output in outputs) output.Collect(record);
    }

    public void EmitWatermark(Watermark watermark)
    {
        foreach (var output in outputs) output.EmitWatermark(watermark);
    }

    public void EmitWatermarkStatus(WatermarkStatus status)
    {
        foreach (var output in outputs) output.EmitWatermarkStatus(status);
    }
}
