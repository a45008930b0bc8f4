using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Connectors;

public sealed class GeneratorSourceTests
{
    private const int Chunk = 7;

    [Theory]
    [InlineData(0L)]
    [InlineData(-3L)]
    public void IsBounded_WhenCountNotPositive_IsUnbounded(long count)
    {
        var source = new GeneratorSource<long>(count, i => i);
        Assert.False(source.IsBounded);

        var reader = source.CreateReader(0, 2, TimeProvider.System);
        var output = new ListCollector<long>();
        for (var i = 0; i < 10; i++)
            Assert.Equal(SourceReaderStatus.MoreAvailable, reader.Poll(output, Chunk));
        Assert.Equal(Enumerable.Range(0, 70).Select(i => 2L * i), output.Records); // split 0 of 2: 0, 2, 4, ...
        Assert.Equal(70, reader.Offset);
    }

    [Theory]
    [InlineData(10L, 3)]
    [InlineData(1000L, 4)]
    [InlineData(2L, 4)]
    [InlineData(1L, 1)]
    [InlineData(7L, 1)]
    [InlineData(13L, 13)]
    public void Poll_WhenAllSplitsReadToEnd_EmitEveryEventExactlyOnce(long count, int splits)
    {
        var source = new GeneratorSource<long>(count, i => i);
        Assert.True(source.IsBounded);

        var all = new List<long>();
        for (var s = 0; s < splits; s++)
        {
            var reader = source.CreateReader(s, splits, TimeProvider.System);
            var emitted = ReadToEnd(reader);

            // Split s emits s, s + S, s + 2S, ...
            var expected = new List<long>();
            for (var i = (long)s; i < count; i += splits) expected.Add(i);
            Assert.Equal(expected, emitted);
            Assert.Equal(expected.Count, reader.Offset);

            // Once ended, it stays ended and emits nothing.
            var after = new ListCollector<long>();
            Assert.Equal(SourceReaderStatus.EndOfInput, reader.Poll(after, Chunk));
            Assert.Empty(after.Records);
            all.AddRange(emitted);
        }

        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (long)i), all.Order());
    }

    [Fact]
    public void Poll_WhenGeneratorMapsIndex_EmitsGeneratedValues()
    {
        var source = new GeneratorSource<string>(5, i => $"e{i}");
        var reader = source.CreateReader(1, 2, TimeProvider.System);
        Assert.Equal(["e1", "e3"], ReadToEnd(reader));
    }

    [Fact]
    public void Poll_WhenLastChunkReachesEnd_ReturnsEndOfInputWithTheRecords()
    {
        var reader = new GeneratorSource<long>(7, i => i).CreateReader(0, 1, TimeProvider.System);
        var output = new ListCollector<long>();
        Assert.Equal(SourceReaderStatus.MoreAvailable, reader.Poll(output, 5));
        Assert.Equal(SourceReaderStatus.EndOfInput, reader.Poll(output, 5));
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], output.Records);
    }

    [Theory]
    [InlineData(10L, 3, 0, 2)]
    [InlineData(1000L, 4, 3, 100)]
    [InlineData(1000L, 4, 1, 0)]
    [InlineData(1000L, 4, 2, 250)]
    [InlineData(100L, 1, 0, 37)]
    public void Seek_WhenFreshReaderSeeksToAnotherReadersOffset_EmitsTheRemainingSuffix(long count, int splits, int split, int readFirst)
    {
        var source = new GeneratorSource<long>(count, i => i);
        var first = source.CreateReader(split, splits, TimeProvider.System);
        var prefix = new ListCollector<long>();
        while (prefix.Records.Count < readFirst)
            first.Poll(prefix, Math.Min(Chunk, readFirst - prefix.Records.Count));
        var offset = first.Offset;
        Assert.Equal(readFirst, offset);

        var rest = ReadToEnd(first);

        var restored = source.CreateReader(split, splits, TimeProvider.System);
        restored.Seek(offset);
        Assert.Equal(offset, restored.Offset);
        var resumed = ReadToEnd(restored);

        Assert.Equal(rest, resumed);
        Assert.Equal(Enumerable.Range(0, (int)count).Where(i => i % splits == split).Select(i => (long)i), prefix.Records.Concat(resumed));
    }

    [Fact]
    public void Seek_WhenOffsetAtEndOfSplit_ReturnsEndOfInputAtOnce()
    {
        var reader = new GeneratorSource<long>(10, i => i).CreateReader(0, 3, TimeProvider.System);
        reader.Seek(4);
        var output = new ListCollector<long>();
        Assert.Equal(SourceReaderStatus.EndOfInput, reader.Poll(output, Chunk));
        Assert.Empty(output.Records);
    }

    [Fact]
    public void Seek_WhenNegative_Throws()
    {
        var reader = new GeneratorSource<long>(10, i => i).CreateReader(0, 1, TimeProvider.System);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Seek(-1));
    }

    [Fact]
    public void Poll_WhenRateLimited_EmitsAtMostTheBudgetOfElapsedTime()
    {
        var time = new FakeTimeProvider();
        var reader = new GeneratorSource<long>(0, i => i, eventsPerSecond: 1000).CreateReader(0, 1, time);
        var output = new ListCollector<long>();

        // t = 0: at most about one record.
        var status = reader.Poll(output, 10_000);
        Assert.InRange(output.Records.Count, 0, 1);
        if (output.Records.Count == 0) Assert.Equal(SourceReaderStatus.NothingAvailable, status);
        var atStart = output.Records.Count;

        // t = 1 s: about 1000 more.
        time.Advance(TimeSpan.FromSeconds(1));
        reader.Poll(output, 10_000);
        Assert.InRange(output.Records.Count - atStart, 900, 1100);

        // The budget is used up until time advances again.
        var before = output.Records.Count;
        Assert.Equal(SourceReaderStatus.NothingAvailable, reader.Poll(output, 10_000));
        Assert.Equal(before, output.Records.Count);

        time.Advance(TimeSpan.FromMilliseconds(100));
        reader.Poll(output, 10_000);
        Assert.InRange(output.Records.Count - before, 90, 110);
        Assert.Equal(Enumerable.Range(0, output.Records.Count).Select(i => (long)i), output.Records);
    }

    [Fact]
    public void Poll_WhenRateLimitedOverSeveralSplits_SharesTheRateBetweenThem()
    {
        var time = new FakeTimeProvider();
        var source = new GeneratorSource<long>(0, i => i, eventsPerSecond: 1000);
        var readers = Enumerable.Range(0, 4).Select(s => source.CreateReader(s, 4, time)).ToArray();
        var outputs = readers.Select(_ => new ListCollector<long>()).ToArray();
        for (var s = 0; s < 4; s++) readers[s].Poll(outputs[s], 10_000);

        time.Advance(TimeSpan.FromSeconds(2));
        for (var s = 0; s < 4; s++) readers[s].Poll(outputs[s], 10_000);

        Assert.All(outputs, o => Assert.InRange(o.Records.Count, 450, 550)); // 250/s each
        Assert.InRange(outputs.Sum(o => o.Records.Count), 1800, 2200);
    }

    [Fact]
    public void Poll_WhenRateLimitedAndMaxRecordsSmaller_EmitsAtMostMaxRecords()
    {
        var time = new FakeTimeProvider();
        var reader = new GeneratorSource<long>(0, i => i, eventsPerSecond: 1000).CreateReader(0, 1, time);
        var output = new ListCollector<long>();
        reader.Poll(output, 10_000);
        time.Advance(TimeSpan.FromSeconds(1));
        var start = output.Records.Count;
        Assert.Equal(SourceReaderStatus.MoreAvailable, reader.Poll(output, Chunk));
        Assert.Equal(Chunk, output.Records.Count - start);
    }

    private static List<T> ReadToEnd<T>(ISourceReader<T> reader)
    {
        var output = new ListCollector<T>();
        for (var polls = 0; ; polls++)
        {
            Assert.True(polls < 1_000_000, "The reader never reached EndOfInput.");
            var before = output.Records.Count;
            var status = reader.Poll(output, Chunk);
            Assert.True(output.Records.Count - before <= Chunk);
            if (status == SourceReaderStatus.EndOfInput) return output.Records;
            Assert.Equal(SourceReaderStatus.MoreAvailable, status);
        }
    }

    private sealed class ListCollector<T> : ICollector<T>
    {
        public List<T> Records { get; } = [];
        public void Collect(T record) => Records.Add(record);
    }
}
