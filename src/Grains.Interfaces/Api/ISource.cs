namespace OrleansFlow.Api;

/// <summary>
/// A source of records, divided into a fixed number of splits (as state is divided into key groups): each subtask
/// reads a contiguous range of splits (<see cref="SourceSplitAssignment"/>), a checkpoint records one offset per split,
/// and a restore at any parallelism hands every split, with its offset, to exactly one new subtask. So a source
/// rescales without losing or repeating a record.
/// </summary>
public interface ISource<T>
{
    /// <summary>Whether the source ends (bounded input): the job then finishes when every reader has ended.</summary>
    bool IsBounded { get; }

    /// <summary>The number of splits; fixed for the job's life (a subtask beyond it reads nothing).</summary>
    int SplitCount { get; }

    /// <summary>A reader of <paramref name="splits"/> (indices in [0, <see cref="SplitCount"/>), possibly none).</summary>
    ISourceReader<T> CreateReader(IReadOnlyList<int> splits, TimeProvider timeProvider);
}
