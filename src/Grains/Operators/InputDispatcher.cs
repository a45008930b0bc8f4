using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using OrleansFlow.Api;
using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

internal sealed class InputDispatcher<T>(ICollector<T> head) : IInputDispatcher
{
    private readonly IKeyGroupedCollector<T>? _keyedHead = head as IKeyGroupedCollector<T>;

    public int Process(StreamElement batch)
    {
        if (batch is not RecordBatch<T> records)
            throw new InvalidOperationException($"Expected a batch of {typeof(T).Name}, got {batch.GetType().Name}.");
        var items = records.Records;
        var count = records.Count;
        var keyGroups = records.KeyGroups;
        if (_keyedHead is not null && keyGroups is not null)
        {
            if (keyGroups.Length < count) throw new InvalidOperationException($"A batch of {count} records carries only {keyGroups.Length} key groups.");
            for (var i = 0; i < count; i++) _keyedHead.Collect(items[i], keyGroups[i]);
        }
        else
        {
            for (var i = 0; i < count; i++) head.Collect(items[i]);
        }
        // The batch is applied and nobody else holds it (batches are sent once and never retained by the sender):
        // hand its buffers back to the pool the sender's RecordWriter rents from. Arrays that cannot have come from
        // the pool (not a power-of-two length) are left to the GC.
        Return(items);
        if (keyGroups is not null) Return(keyGroups);
        return count;
    }

    private static void Return<TItem>(TItem[] array)
    {
        if (array.Length >= 16 && BitOperations.IsPow2(array.Length))
            ArrayPool<TItem>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<TItem>());
    }
}
