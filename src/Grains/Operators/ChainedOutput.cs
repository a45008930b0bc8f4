using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>The output of an operator that feeds the next operator of its chain: records and event time go straight to it.</summary>
internal sealed class ChainedOutput<T>(IOneInputStreamOperator<T> next) : IOutput<T>
{
    public void Collect(T record) => next.Collect(record);

    public void EmitWatermark(Watermark watermark) => next.ProcessWatermark(watermark);

    public void EmitWatermarkStatus(WatermarkStatus status) => next.ProcessWatermarkStatus(status);
}
