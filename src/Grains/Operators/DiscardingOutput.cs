using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>The output of a chain tail that has no consumer: records and event time are dropped.</summary>
internal sealed class DiscardingOutput<T> : IOutput<T>
{
    public static readonly DiscardingOutput<T> Instance = new();

    public void Collect(T record) { }

    public void EmitWatermark(Watermark watermark) { }

    public void EmitWatermarkStatus(WatermarkStatus status) { }
}
