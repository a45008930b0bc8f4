namespace OrleansFlow.Tasks;

/// <summary>
/// A batch of records. Immutable once sent: it crosses grains in one silo by reference, never deep-copied.
/// Only the first <see cref="Count"/> elements of <see cref="Records"/> are records.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.RecordBatch`1")]
public sealed class RecordBatch<T> : StreamElement
{
    /// <summary>
    /// Wraps the first <paramref name="count"/> elements of <paramref name="records"/> (and of <paramref name="keyGroups"/>,
    /// on a keyBy edge, and of <paramref name="timestamps"/>, when the records carry event time).
    /// </summary>
    public RecordBatch(T[] records, int count, int[]? keyGroups = null, long[]? timestamps = null)
    {
        Records = records;
        Count = count;
        KeyGroups = keyGroups;
        Timestamps = timestamps;
    }

    /// <summary>The record array (may be longer than <see cref="Count"/>).</summary>
    [Id(0)] public T[] Records { get; }

    /// <summary>The number of records.</summary>
    [Id(1)] public int Count { get; }

    /// <summary>On a keyBy edge, the key group of each record, computed by the sender; otherwise null.</summary>
    [Id(2)] public int[]? KeyGroups { get; }

    /// <summary>When the records carry event time, each record's timestamp (epoch milliseconds); otherwise null.</summary>
    [Id(3)] public long[]? Timestamps { get; }

    /// <inheritdoc />
    public override int RecordCount => Count;
}
