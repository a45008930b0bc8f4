using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>The type-erased reader of a source task.</summary>
internal interface ISourceDriver
{
    bool IsBounded { get; }

    /// <summary>
    /// Whether this subtask reads no split of a bounded source whose other subtasks do: it then does not end on its own
    /// (a finished task would stop checkpoints) but idles until the job manager ends it, once every subtask with splits
    /// has finished.
    /// </summary>
    bool EndsWithItsSiblings { get; }

    /// <summary>The splits this task reads.</summary>
    IReadOnlyList<int> Splits { get; }

    /// <summary>The offset of every split this task reads (what a checkpoint records).</summary>
    IReadOnlyDictionary<int, long> Offsets { get; }

    /// <summary>Moves the reader's splits to checkpointed offsets (before the first poll); offsets of other splits are ignored.</summary>
    void Seek(IReadOnlyDictionary<int, long> offsets);

    /// <summary>Reads at most <paramref name="maxRecords"/> records into the chain.</summary>
    SourceReaderStatus Poll(int maxRecords);

    /// <summary>Whether the source has a watermark strategy.</summary>
    bool HasEventTime { get; }

    /// <summary>The source subtask's watermark (<see cref="long.MinValue"/> before the first, or without event time).</summary>
    long CurrentWatermark { get; }

    /// <summary>The periodic watermark emission (every <c>OrleansFlow:AutoWatermarkInterval</c>); nothing without event time.</summary>
    void EmitPeriodicWatermarks();

    /// <summary>The source ended: event time ends with <see cref="long.MaxValue"/> (also without a watermark strategy, as in Flink).</summary>
    void EndEventTime();
}
