using OrleansFlow.Api;
using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

internal sealed class InputDispatcher<T>(ICollector<T> head) : IInputDispatcher
{
    public int Process(StreamElement batch)
    {
        if (batch is not RecordBatch<T> records)
            throw new InvalidOperationException($"Expected a batch of {typeof(T).Name}, got {batch.GetType().Name}.");
        var items = records.Records;
        var count = records.Count;
        for (var i = 0; i < count; i++) head.Collect(items[i]);
        return count;
    }
}
