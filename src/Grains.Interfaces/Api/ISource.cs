namespace OrleansFlow.Api;

/// <summary>
/// A source of records, split over the source's subtasks. Each subtask gets one reader; a reader's position is a
/// single offset that a checkpoint records and a restore seeks to.
/// </summary>
public interface ISource<T>
{
    /// <summary>Whether the source ends (bounded input): the job then finishes when every reader has ended.</summary>
    bool IsBounded { get; }

    /// <summary>The reader of split <paramref name="subtaskIndex"/> of <paramref name="parallelism"/>.</summary>
    ISourceReader<T> CreateReader(int subtaskIndex, int parallelism, TimeProvider timeProvider);
}
