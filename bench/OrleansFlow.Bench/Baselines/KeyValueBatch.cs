namespace OrleansFlow.Bench.Baselines;

/// <summary>
/// An immutable batch of (key, value) pairs; the first <see cref="Count"/> entries are valid.
/// Marked [Immutable] so in-silo calls pass it by reference (no deep copy). The sender only reuses the
/// arrays after the grain call carrying the batch has completed.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.Bench.Baselines.KeyValueBatch")]
public sealed class KeyValueBatch
{
    public KeyValueBatch(long[] keys, long[] values, int count)
    {
        Keys = keys;
        Values = values;
        Count = count;
    }

    [Id(0)]
    public long[] Keys { get; }

    [Id(1)]
    public long[] Values { get; }

    [Id(2)]
    public int Count { get; }
}
