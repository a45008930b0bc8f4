using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>
/// The base of one-input operators: event time goes straight to <see cref="Output"/>, and the lifecycle calls do
/// nothing unless overridden.
/// </summary>
internal abstract class OneInputOperator<TIn, TOut>(IOutput<TOut> output) : IOneInputStreamOperator<TIn>
{
    protected IOutput<TOut> Output { get; } = output;

    public abstract void Collect(TIn record);

    public virtual void Open() { }

    public virtual void ProcessWatermark(Watermark watermark) => Output.EmitWatermark(watermark);

    public virtual void ProcessWatermarkStatus(WatermarkStatus status) => Output.EmitWatermarkStatus(status);

    public virtual void EndInput() { }

    public virtual void NotifyCheckpointComplete(long checkpointId) { }

    public virtual void NotifyCheckpointAborted(long checkpointId) { }

    public virtual void Dispose() { }
}
