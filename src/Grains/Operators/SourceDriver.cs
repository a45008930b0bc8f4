using OrleansFlow.Api;
using OrleansFlow.Operators.EventTime;

namespace OrleansFlow.Operators;

internal sealed class SourceDriver<T>(ISourceReader<T> reader, IReadOnlyList<int> splits, bool isBounded, IOutput<T> output, EventTimeSourceOutput<T>? eventTime, int splitCount = 1) : ISourceDriver
{
    private readonly ICollector<T> _into = eventTime is null ? output : eventTime;

    public bool IsBounded { get; } = isBounded;

    public IReadOnlyList<int> Splits { get; } = splits;

    public bool EndsWithItsSiblings => IsBounded && Splits.Count == 0 && splitCount > 0;

    public IReadOnlyDictionary<int, long> Offsets => Splits.ToDictionary(s => s, reader.GetOffset);

    public bool HasEventTime => eventTime is not null;

    public long CurrentWatermark => eventTime?.CurrentWatermark ?? long.MinValue;

    public void Seek(IReadOnlyDictionary<int, long> offsets)
    {
        foreach (var split in Splits)
        {
            if (offsets.TryGetValue(split, out var offset)) reader.Seek(split, offset);
        }
    }

    public SourceReaderStatus Poll(int maxRecords) => reader.Poll(_into, maxRecords);

    public void EmitPeriodicWatermarks() => eventTime?.EmitPeriodic();

    /// <summary>Event time ends: the final watermark, with or without a watermark strategy (it fires every event-time timer downstream).</summary>
    public void EndEventTime()
    {
        if (eventTime is null) output.EmitWatermark(Tasks.Watermark.Max);
        else eventTime.EndOfInput();
    }
}
