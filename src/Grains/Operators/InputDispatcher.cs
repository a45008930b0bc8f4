using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using OrleansFlow.Api;
using OrleansFlow.Network;
using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>
/// Feeds input batches to the chain's head. With a <see cref="TaskBufferBudget"/> (the chain has outputs) it checks
/// between records that the budget still covers one record's buffers, and stops at that boundary when it cannot refill.
/// </summary>
internal sealed class InputDispatcher<T>(ICollector<T> head, TaskBufferBudget? budget = null, EventTime.RecordTimestamp? timestamp = null) : IInputDispatcher
{
    private readonly IKeyGroupedCollector<T>? _keyedHead = head as IKeyGroupedCollector<T>;

    public bool Process(StreamElement batch, int edge, ref int position)
    {
        if (batch is not RecordBatch<T> records)
            throw new InvalidOperationException($"Expected a batch of {typeof(T).Name}, got {batch.GetType().Name}.");
        var items = records.Records;
        var count = records.Count;
        var keyGroups = records.KeyGroups;
        var i = position;
        if (timestamp is not null && records.Timestamps is null) timestamp.Current = long.MinValue; // e.g. the side of a union without event time
        if (timestamp is not null && records.Timestamps is { } timestamps)
        {
            i = ProcessTimestamped(items, count, keyGroups, timestamps, i);
        }
        else if (_keyedHead is not null && keyGroups is not null)
        {
            if (keyGroups.Length < count) throw new InvalidOperationException($"A batch of {count} records carries only {keyGroups.Length} key groups.");
            if (budget is null)
            {
                for (; i < count; i++) _keyedHead.Collect(items[i], keyGroups[i]);
            }
            else
            {
                for (; i < count; i++)
                {
                    if (budget.NeedsRefill && !budget.TryRefill()) break;
                    _keyedHead.Collect(items[i], keyGroups[i]);
                }
            }
        }
        else if (budget is null)
        {
            for (; i < count; i++) head.Collect(items[i]);
        }
        else
        {
            for (; i < count; i++)
            {
                if (budget.NeedsRefill && !budget.TryRefill()) break;
                head.Collect(items[i]);
            }
        }
        position = i;
        if (i < count) return false;
        // The batch is applied and nobody else holds it (batches are sent once and never retained by the sender):
        // hand its buffers back to the pool the sender's RecordWriter rents from. Arrays that cannot have come from
        // the pool (not a power-of-two length) are left to the GC.
        Return(items);
        if (keyGroups is not null) Return(keyGroups);
        if (records.Timestamps is not null) Return(records.Timestamps);
        return true;
    }

    /// <summary>Records that carry event time: each record's timestamp becomes the chain's current one before it goes in.</summary>
    private int ProcessTimestamped(T[] items, int count, int[]? keyGroups, long[] timestamps, int i)
    {
        if (timestamps.Length < count) throw new InvalidOperationException($"A batch of {count} records carries only {timestamps.Length} timestamps.");
        var keyed = _keyedHead is not null && keyGroups is not null;
        if (keyed && keyGroups!.Length < count) throw new InvalidOperationException($"A batch of {count} records carries only {keyGroups.Length} key groups.");
        for (; i < count; i++)
        {
            if (budget is not null && budget.NeedsRefill && !budget.TryRefill()) break;
            timestamp!.Current = timestamps[i];
            if (keyed) _keyedHead!.Collect(items[i], keyGroups![i]);
            else head.Collect(items[i]);
        }
        return i;
    }

    private static void Return<TItem>(TItem[] array)
    {
        if (array.Length >= 16 && BitOperations.IsPow2(array.Length))
            ArrayPool<TItem>.Shared.Return(array, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<TItem>());
    }
}
