using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>The base of the chain's terminal operators (sinks): event time ends here.</summary>
internal abstract class SinkOperatorBase<TIn> : IOneInputStreamOperator<TIn>
{
    public abstract void Collect(TIn record);

    public virtual void Open() { }

    public void ProcessWatermark(Watermark watermark) { }

    public void ProcessWatermarkStatus(WatermarkStatus status) { }

    public virtual void EndInput() { }

    public virtual void NotifyCheckpointComplete(long checkpointId) { }

    public virtual void NotifyCheckpointAborted(long checkpointId) { }

    public abstract void Dispose();
}
