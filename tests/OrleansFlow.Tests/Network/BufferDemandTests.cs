using OrleansFlow.Network;

namespace OrleansFlow.Tests.Network;

public sealed class BufferDemandTests
{
    /// <summary>Counts the buffers a writer opens when a channel opens one at its first record and after each full batch.</summary>
    private static long Simulate(int[] channelOfRecord, int channels, int batchSize, bool broadcast)
    {
        var fill = new int[channels];
        var open = new bool[channels];
        long opened = 0;
        foreach (var target in channelOfRecord)
        {
            for (var c = 0; c < channels; c++)
            {
                if (!broadcast && c != target) continue;
                if (!open[c])
                {
                    open[c] = true;
                    opened++;
                }
                if (++fill[c] == batchSize)
                {
                    fill[c] = 0;
                    open[c] = false;
                }
            }
        }
        return opened;
    }

    [Theory]
    [InlineData(1, 16, false)]
    [InlineData(3, 16, false)]
    [InlineData(8, 4, false)]
    [InlineData(64, 16, false)]
    [InlineData(5, 7, true)]
    public void BuffersFor_WhenRecordsGoAnywhere_BoundsTheBuffersAWriterOpens(int channels, int batchSize, bool broadcast)
    {
        var random = new Random(channels * 31 + batchSize);
        var shape = new OutputBufferShape(100, batchSize, channels, broadcast);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = random.Next(1, 5 * batchSize * Math.Max(1, channels / 4));
            var skewed = trial % 3 == 0; // all on few channels, spread evenly, or random
            var records = Enumerable.Range(0, n).Select(i => skewed ? i % 2 : trial % 3 == 1 ? i % channels : random.Next(channels)).Select(c => c % channels).ToArray();

            Assert.True(Simulate(records, channels, batchSize, broadcast) <= shape.BuffersFor(n), $"n={n} trial={trial}");
        }
    }

    [Fact]
    public void BuffersFor_WhenEveryChannelGetsAFullBatchPlusOne_IsReached()
    {
        // one record on each of 8 channels, then one full batch on channel 0: 8 + 1 buffers, the bound for n = 8 + 16
        var records = Enumerable.Range(0, 8).Concat(Enumerable.Repeat(0, 16)).ToArray();
        var shape = new OutputBufferShape(100, 16, 8, false);

        Assert.Equal(9, Simulate(records, 8, 16, broadcast: false));
        Assert.Equal(9, shape.BuffersFor(records.Length));
    }

    [Fact]
    public void Minimum_WhenKeyedAndBroadcastOutputs_IsOneBufferPerOutputAndOnePerBroadcastChannel()
    {
        var demand = new BufferDemand([new OutputBufferShape(1000, 64, 8, false), new OutputBufferShape(10, 64, 3, true)]);

        Assert.Equal(1000 + 3 * 10, demand.Minimum);
        Assert.Equal((8 + 1) * 1000 + 3 * 10, demand.BytesFor(64));
    }

    [Fact]
    public void RecordsWithin_WhenBytesCoverPartOfTheLimit_GivesTheLargestStepThatFits()
    {
        var demand = new BufferDemand([new OutputBufferShape(100, 16, 4, false)]);

        Assert.Equal(0, demand.RecordsWithin(99, 64));
        Assert.Equal(1, demand.RecordsWithin(100, 64));
        Assert.Equal(3, demand.RecordsWithin(300, 64));
        Assert.Equal(15, demand.RecordsWithin(400, 64)); // 4 buffers cover up to 15 records (the 16th may fill one and open a fifth)
        Assert.Equal(64, demand.RecordsWithin(long.MaxValue / 2, 64));
        for (var bytes = 0; bytes < 1200; bytes += 37)
        {
            var n = demand.RecordsWithin(bytes, 64);
            if (n > 0) Assert.True(demand.BytesFor(n) <= bytes);
            if (n < 64) Assert.True(demand.BytesFor(n + 1) > bytes);
        }
    }

    [Fact]
    public void RecordsWithin_WhenNoOutputs_IsTheLimit() => Assert.Equal(4096, new BufferDemand([]).RecordsWithin(0, 4096));
}
