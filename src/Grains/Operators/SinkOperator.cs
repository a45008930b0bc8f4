using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>Feeds a sink writer; commits it at end of input, discards it otherwise.</summary>
internal sealed class SinkOperator<T>(ISinkWriter<T> writer) : SinkOperatorBase<T>
{
    public override void Collect(T record) => writer.Collect(record);

    public override void EndInput() => writer.EndOfInput();

    public override void Dispose() => writer.Dispose();
}
