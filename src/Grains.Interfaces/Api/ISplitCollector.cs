namespace OrleansFlow.Api;

/// <summary>
/// A collector a source reader may emit into split by split: when the <see cref="ICollector{T}"/> passed to
/// <see cref="ISourceReader{T}.Poll"/> is one, a reader that knows each record's split calls
/// <see cref="Collect(T, int)"/>, so event time is tracked per split (Flink's FLIP-27 per-split watermarks) and a
/// result does not depend on which subtask reads which split. A reader that does not is tracked as one split.
/// </summary>
public interface ISplitCollector<in T> : ICollector<T>
{
    /// <summary>Emits <paramref name="record"/>, read from split <paramref name="split"/>.</summary>
    void Collect(T record, int split);
}
