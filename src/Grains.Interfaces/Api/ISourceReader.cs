namespace OrleansFlow.Api;

/// <summary>What a <see cref="ISourceReader{T}.Poll"/> left the reader in.</summary>
public enum SourceReaderStatus
{
    /// <summary>More records can be read at once.</summary>
    MoreAvailable,
    /// <summary>Nothing to read now (rate limit or no data yet); poll again later.</summary>
    NothingAvailable,
    /// <summary>The split has ended; no record will follow.</summary>
    EndOfInput,
}

/// <summary>
/// Reads one split of a source. Called on the task's processing thread only: <see cref="Seek"/> before the first
/// <see cref="Poll"/> when restoring, then <see cref="Poll"/> repeatedly. <see cref="Offset"/> is read between polls.
/// </summary>
public interface ISourceReader<T>
{
    /// <summary>The position of the next record; what a checkpoint stores.</summary>
    long Offset { get; }

    /// <summary>Moves to <paramref name="offset"/> (a value <see cref="Offset"/> returned before).</summary>
    void Seek(long offset);

    /// <summary>Emits at most <paramref name="maxRecords"/> records into <paramref name="output"/>.</summary>
    SourceReaderStatus Poll(ICollector<T> output, int maxRecords);
}
