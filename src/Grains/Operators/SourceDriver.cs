using OrleansFlow.Api;

namespace OrleansFlow.Operators;

internal sealed class SourceDriver<T>(ISourceReader<T> reader, bool isBounded, ICollector<T> output) : ISourceDriver
{
    public bool IsBounded { get; } = isBounded;

    public long Offset => reader.Offset;

    public void Seek(long offset) => reader.Seek(offset);

    public SourceReaderStatus Poll(int maxRecords) => reader.Poll(output, maxRecords);
}
