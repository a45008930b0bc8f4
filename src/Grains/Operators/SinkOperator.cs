using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>Feeds a sink writer; commits it at end of input, discards it otherwise.</summary>
internal sealed class SinkOperator<T>(ISinkWriter<T> writer) : ICollector<T>, IOperatorLifecycle
{
    public void Collect(T record) => writer.Collect(record);

    public void Open() { }

    public void EndOfInput() => writer.EndOfInput();

    public void Dispose() => writer.Dispose();
}
