using OrleansFlow.Api;
using OrleansFlow.Channels;
using OrleansFlow.KeyGroups;
using OrleansFlow.Operators;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Channels;

public sealed class RecordWriterTests
{
    private static (RecordWriter<long> Writer, RecordingTaskGrain[] Grains) Create(IChannelSelector<long> selector, int channels, int batchSize)
    {
        var grains = Enumerable.Range(0, channels).Select(_ => new RecordingTaskGrain { CompleteImmediately = true }).ToArray();
        var senders = grains.Select((g, i) => new ChannelSender(g, new TaskId("job", 1, i), 1, 0, 0, 4)).ToArray();
        return (new RecordWriter<long>(selector, senders, batchSize), grains);
    }

    private static IEnumerable<(long Record, int? KeyGroup)> Received(RecordingTaskGrain grain) =>
        grain.Deliveries.Select(d => d.Batch.Payload).OfType<RecordBatch<long>>()
            .SelectMany(b => Enumerable.Range(0, b.Count).Select(i => (b.Records[i], b.KeyGroups is null ? (int?)null : b.KeyGroups[i])));

    [Fact]
    public void Collect_WhenKeyedEdge_SendsEachRecordToItsKeyGroupOwnerWithItsKeyGroup()
    {
        const int maxParallelism = 128, channels = 3;
        var (writer, grains) = Create(new KeyGroupChannelSelector<long, long>(r => r, maxParallelism, channels), channels, batchSize: 16);

        for (long r = 0; r < 1000; r++) writer.Collect(r);
        writer.FlushAll();

        Assert.Equal(1000, grains.Sum(g => Received(g).Count()));
        for (var c = 0; c < channels; c++)
        {
            var range = KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(maxParallelism, channels, c);
            foreach (var (record, keyGroup) in Received(grains[c]))
            {
                Assert.Equal(KeyGroupAssignment.AssignToKeyGroup(record, maxParallelism), keyGroup);
                Assert.True(range.Contains(keyGroup!.Value));
            }
        }
        Assert.Equal(1000, writer.RecordsOut);
    }

    [Fact]
    public void Collect_WhenBufferFills_SendsFullBatchesAndKeepsTheRestUntilFlush()
    {
        var (writer, grains) = Create(new ForwardChannelSelector<long>(), 1, batchSize: 16);

        for (long r = 0; r < 40; r++) writer.Collect(r);
        Assert.Equal([16, 16], grains[0].Deliveries.Select(d => ((RecordBatch<long>)d.Batch.Payload).Count));

        writer.FlushAll();
        Assert.Equal([16, 16, 8], grains[0].Deliveries.Select(d => ((RecordBatch<long>)d.Batch.Payload).Count));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (long)i), Received(grains[0]).Select(x => x.Record));
        Assert.All(Received(grains[0]), x => Assert.Null(x.KeyGroup));
    }

    [Fact]
    public void Collect_WhenBroadcastEdge_SendsEveryRecordToEveryChannel()
    {
        var (writer, grains) = Create(new BroadcastChannelSelector<long>(), 3, batchSize: 16);

        for (long r = 0; r < 20; r++) writer.Collect(r);
        writer.FlushAll();

        Assert.All(grains, g => Assert.Equal(Enumerable.Range(0, 20).Select(i => (long)i), Received(g).Select(x => x.Record)));
        Assert.Equal(60, writer.RecordsOut);
    }

    [Fact]
    public void Collect_WhenRebalanceEdge_SpreadsRoundRobin()
    {
        var (writer, grains) = Create(new RebalanceChannelSelector<long>(3, start: 1), 3, batchSize: 16);

        for (long r = 0; r < 30; r++) writer.Collect(r);
        writer.FlushAll();

        Assert.All(grains, g => Assert.Equal(10, Received(g).Count()));
        Assert.Equal(0L, Received(grains[1]).First().Record);
    }

    [Fact]
    public void Process_WhenKeyedBatchCarriesForeignKeyGroup_Throws()
    {
        var collected = new KeyGroupProbe();
        var dispatcher = new InputDispatcher<long>(collected);

        var position = 0;
        dispatcher.Process(new RecordBatch<long>([5, 6], 2, [10, 11]), 0, ref position);
        Assert.Equal([(5L, 10), (6L, 11)], collected.Seen);

        collected.Throw = true;
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var start = 0;
            dispatcher.Process(new RecordBatch<long>([7], 1, [99]), 0, ref start);
        });
    }

    private sealed class KeyGroupProbe : IKeyGroupedCollector<long>
    {
        public List<(long, int)> Seen { get; } = [];

        public bool Throw { get; set; }

        public void Collect(long record) => throw new InvalidOperationException("expected the key-group overload");

        public void Collect(long record, int keyGroup)
        {
            if (Throw) throw new ArgumentOutOfRangeException(nameof(keyGroup));
            Seen.Add((record, keyGroup));
        }
    }
}
