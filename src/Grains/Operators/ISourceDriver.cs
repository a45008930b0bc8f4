using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>The type-erased reader of a source task.</summary>
internal interface ISourceDriver
{
    bool IsBounded { get; }

    long Offset { get; }

    /// <summary>Moves the reader to a checkpointed offset (before the first poll).</summary>
    void Seek(long offset);

    /// <summary>Reads at most <paramref name="maxRecords"/> records into the chain.</summary>
    SourceReaderStatus Poll(int maxRecords);
}
