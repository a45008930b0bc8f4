using OrleansFlow.Api;

namespace OrleansFlow.Operators;

internal sealed class SourceDriver<T>(ISourceReader<T> reader, IReadOnlyList<int> splits, bool isBounded, ICollector<T> output) : ISourceDriver
{
    public bool IsBounded { get; } = isBounded;

    public IReadOnlyList<int> Splits { get; } = splits;

    public IReadOnlyDictionary<int, long> Offsets => Splits.ToDictionary(s => s, reader.GetOffset);

    public void Seek(IReadOnlyDictionary<int, long> offsets)
    {
        foreach (var split in Splits)
        {
            if (offsets.TryGetValue(split, out var offset)) reader.Seek(split, offset);
        }
    }

    public SourceReaderStatus Poll(int maxRecords) => reader.Poll(output, maxRecords);
}
