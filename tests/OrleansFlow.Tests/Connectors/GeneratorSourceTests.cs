using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Connectors;

public sealed class GeneratorSourceTests
{
    private const int Chunk = 7;

    private static ISourceReader<T> Reader<T>(GeneratorSource<T> source, int parallelism, int subtask, TimeProvider? time = null) =>
        source.CreateReader(SourceSplitAssignment.SplitsOf(source.SplitCount, parallelism, subtask), time ?? TimeProvider.System);

    [Theory]
    [InlineData(0L)]
    [InlineData(-3L)]
    public void IsBounded_WhenCountNotPositive_IsUnbounded(long count)
    {
        var source = new GeneratorSource<long>(count, i => i, splits: 2);
        Assert.False(source.IsBounded);

        var reader = source.CreateReader([0], TimeProvider.System);
        var output = new ListCollector<long>();
        for (var i = 0; i < 10; i++)
            Assert.Equal(SourceReaderStatus.MoreAvailable, reader.Poll(output, Chunk));
        Assert.Equal(Enumerable.Range(0, 70).Select(i => 2L * i), output.Records); // split 0 of 2: 0, 2, 4, ...
        Assert.Equal(70, reader.GetOffset(0));
    }

    [Theory]
    [InlineData(10L, 3, 3)]
    [InlineData(1000L, 4, 4)]
    [InlineData(1000L, 128, 3)]
    [InlineData(2L, 4, 4)]
    [InlineData(1L, 1, 1)]
    [InlineData(13L, 13, 13)]
    [InlineData(500L, 8, 12)] // more subtasks than splits: some read nothing
    public void Poll_WhenEverySubtaskReadsToEnd_EmitsEveryEventExactlyOnce(long count, int splits, int parallelism)
    {
        var source = new GeneratorSource<long>(count, i => i, splits: splits);
        Assert.True(source.IsBounded);

        var all = new List<long>();
        for (var s = 0; s < parallelism; s++)
        {
            var reader = Reader(source, parallelism, s);
            var emitted = ReadToEnd(reader);
            var mine = SourceSplitAssignment.SplitsOf(splits, parallelism, s);
            Assert.All(emitted, e => Assert.Contains((int)(e % splits), mine)); // split j emits j, j + n, j + 2n, ...
            foreach (var split in mine) Assert.Equal(emitted.Count(e => e % splits == split), reader.GetOffset(split));

            var after = new ListCollector<long>();
            Assert.Equal(SourceReaderStatus.EndOfInput, reader.Poll(after, Chunk));
            Assert.Empty(after.Records);
            all.AddRange(emitted);
        }

        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (long)i), all.Order());
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 3)]
    [InlineData(128, 8)]
    [InlineData(4, 9)]
    public void SplitsOf_WhenAllSubtasksAsked_EverySplitHasExactlyOneContiguousOwner(int splits, int parallelism)
    {
        var owned = Enumerable.Range(0, parallelism).SelectMany(s => SourceSplitAssignment.SplitsOf(splits, parallelism, s)).ToList();

        Assert.Equal(Enumerable.Range(0, splits), owned);
    }

    [Fact]
    public void Poll_WhenGeneratorMapsIndex_EmitsGeneratedValues()
    {
        var source = new GeneratorSource<string>(5, i => $"e{i}", splits: 2);
        Assert.Equal(["e1", "e3"], ReadToEnd(source.CreateReader([1], TimeProvider.System)));
    }

    [Fact]
    public void Poll_WhenLastChunkReachesEnd_ReturnsEndOfInputWithTheRecords()
    {
        var reader = new GeneratorSource<long>(7, i => i, splits: 1).CreateReader([0], TimeProvider.System);
        var output = new ListCollector<long>();
        Assert.Equal(SourceReaderStatus.MoreAvailable, reader.Poll(output, 5));
        Assert.Equal(SourceReaderStatus.EndOfInput, reader.Poll(output, 5));
        Assert.Equal([0L, 1, 2, 3, 4, 5, 6], output.Records);
    }

    [Theory]
    [InlineData(4, 2)]
    [InlineData(2, 8)]
    [InlineData(8, 3)]
    [InlineData(3, 3)]
    public void Seek_WhenOffsetsOfOneParallelismAreRestoredAtAnother_EveryEventIsEmittedExactlyOnce(int before, int after)
    {
        const long count = 20_000;
        var source = new GeneratorSource<long>(count, i => i);
        var emitted = new List<long>();
        var offsets = new Dictionary<int, long>();
        for (var s = 0; s < before; s++)
        {
            var reader = Reader(source, before, s);
            var output = new ListCollector<long>();
            for (var polls = 0; polls < 3 + s; polls++) reader.Poll(output, 500);
            emitted.AddRange(output.Records);
            foreach (var split in SourceSplitAssignment.SplitsOf(source.SplitCount, before, s)) offsets[split] = reader.GetOffset(split);
        }

        for (var s = 0; s < after; s++)
        {
            var reader = Reader(source, after, s);
            foreach (var split in SourceSplitAssignment.SplitsOf(source.SplitCount, after, s)) reader.Seek(split, offsets[split]);
            emitted.AddRange(ReadToEnd(reader));
        }

        Assert.Equal(Enumerable.Range(0, (int)count).Select(i => (long)i), emitted.Order());
    }

    [Fact]
    public void Seek_WhenOffsetAtEndOfSplit_ReturnsEndOfInputAtOnce()
    {
        var reader = new GeneratorSource<long>(10, i => i, splits: 3).CreateReader([0], TimeProvider.System);
        reader.Seek(0, 4);
        var output = new ListCollector<long>();
        Assert.Equal(SourceReaderStatus.EndOfInput, reader.Poll(output, Chunk));
        Assert.Empty(output.Records);
    }

    [Fact]
    public void Seek_WhenNegativeOrSplitNotRead_Throws()
    {
        var reader = new GeneratorSource<long>(10, i => i, splits: 4).CreateReader([0, 1], TimeProvider.System);
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Seek(0, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => reader.Seek(2, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeneratorSource<long>(10, i => i, splits: 4).CreateReader([4], TimeProvider.System));
    }

    [Fact]
    public void Poll_WhenRateLimited_EmitsAtMostTheBudgetOfElapsedTime()
    {
        var time = new FakeTimeProvider();
        var reader = new GeneratorSource<long>(0, i => i, eventsPerSecond: 1000, splits: 1).CreateReader([0], time);
        var output = new ListCollector<long>();

        var status = reader.Poll(output, 10_000); // t = 0: at most about one record
        Assert.InRange(output.Records.Count, 0, 1);
        if (output.Records.Count == 0) Assert.Equal(SourceReaderStatus.NothingAvailable, status);
        var atStart = output.Records.Count;

        time.Advance(TimeSpan.FromSeconds(1)); // t = 1 s: about 1000 more
        reader.Poll(output, 10_000);
        Assert.InRange(output.Records.Count - atStart, 900, 1100);

        var before = output.Records.Count; // the budget is used up until time advances again
        Assert.Equal(SourceReaderStatus.NothingAvailable, reader.Poll(output, 10_000));
        Assert.Equal(before, output.Records.Count);

        time.Advance(TimeSpan.FromMilliseconds(100));
        reader.Poll(output, 10_000);
        Assert.InRange(output.Records.Count - before, 90, 110);
        Assert.Equal(Enumerable.Range(0, output.Records.Count).Select(i => (long)i), output.Records);
    }

    [Fact]
    public void Poll_WhenRateLimitedOverSeveralSubtasks_SharesTheRateByTheirSplits()
    {
        var time = new FakeTimeProvider();
        var source = new GeneratorSource<long>(0, i => i, eventsPerSecond: 1000, splits: 8);
        var readers = Enumerable.Range(0, 4).Select(s => Reader(source, 4, s, time)).ToArray();
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
        var reader = new GeneratorSource<long>(0, i => i, eventsPerSecond: 1000, splits: 1).CreateReader([0], time);
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

    [Fact]
    public void Poll_WhenTheBudgetIsSmallerThanTheOpenSplits_ReachesEverySplitInTurn()
    {
        var reader = new GeneratorSource<long>(1_000, i => i, splits: 8).CreateReader([0, 1, 2, 3, 4, 5, 6, 7], TimeProvider.System);
        var collector = new SplitRecorder();

        for (var poll = 0; poll < 3; poll++) reader.Poll(collector, 3); // 9 records over 8 splits

        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7], collector.Splits.Distinct().Order());
    }

    private sealed class SplitRecorder : ISplitCollector<long>
    {
        public List<int> Splits { get; } = [];

        public void Collect(long record) => Splits.Add(-1);

        public void Collect(long record, int split) => Splits.Add(split);
    }
}
