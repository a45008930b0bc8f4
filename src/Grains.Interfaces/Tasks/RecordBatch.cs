namespace OrleansFlow.Tasks;

/// <summary>
/// A batch of records. Immutable once sent: it crosses grains in one silo by reference, never deep-copied.
/// Only the first <see cref="Count"/> elements of <see cref="Records"/> are records.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.RecordBatch`1")]
public sealed class RecordBatch<T> : StreamElement
{
    /// <summary>Wraps the first <paramref name="count"/> elements of <paramref name="records"/>.</summary>
    public RecordBatch(T[] records, int count)
    {
        Records = records;
        Count = count;
    }

    /// <summary>The record array (may be longer than <see cref="Count"/>).</summary>
    [Id(0)] public T[] Records { get; }

    /// <summary>The number of records.</summary>
    [Id(1)] public int Count { get; }
}
