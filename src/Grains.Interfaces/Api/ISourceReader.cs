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
/// Reads the splits it was created for. Called on the task's processing thread only: <see cref="Seek"/> for each
/// restored split before the first <see cref="Poll"/>, then <see cref="Poll"/> repeatedly. <see cref="GetOffset"/> is
/// read between polls.
/// </summary>
public interface ISourceReader<T>
{
    /// <summary>The position of the next record of <paramref name="split"/> (one of its splits); what a checkpoint stores.</summary>
    long GetOffset(int split);

    /// <summary>Moves <paramref name="split"/> to <paramref name="offset"/> (a value <see cref="GetOffset"/> returned before).</summary>
    void Seek(int split, long offset);

    /// <summary>Emits at most <paramref name="maxRecords"/> records into <paramref name="output"/>.</summary>
    SourceReaderStatus Poll(ICollector<T> output, int maxRecords);
}
