using OrleansFlow.Channels;

namespace OrleansFlow.Tests.Channels;

public sealed class ChannelReorderBufferTests
{
    [Fact]
    public void Offer_WhenInOrder_ReleasesEachAtOnce()
    {
        var buffer = new ChannelReorderBuffer<string>();
        var released = new List<string>();

        Assert.Equal(ReorderOutcome.Released, buffer.Offer(0, "a", released));
        Assert.Equal(ReorderOutcome.Released, buffer.Offer(1, "b", released));

        Assert.Equal(["a", "b"], released);
        Assert.Equal(2, buffer.NextSequence);
    }

    [Fact]
    public void Offer_WhenAheadOfGap_HoldsUntilGapFillsThenReleasesInOrder()
    {
        var buffer = new ChannelReorderBuffer<string>();
        var released = new List<string>();

        Assert.Equal(ReorderOutcome.Buffered, buffer.Offer(2, "c", released));
        Assert.Equal(ReorderOutcome.Buffered, buffer.Offer(1, "b", released));
        Assert.Empty(released);
        Assert.Equal(2, buffer.PendingCount);

        Assert.Equal(ReorderOutcome.Released, buffer.Offer(0, "a", released));
        Assert.Equal(["a", "b", "c"], released);
        Assert.Equal(0, buffer.PendingCount);
    }

    [Fact]
    public void Offer_WhenSequenceSeenBefore_DropsDuplicate()
    {
        var buffer = new ChannelReorderBuffer<string>();
        var released = new List<string>();
        buffer.Offer(0, "a", released);
        buffer.Offer(2, "c", released);

        Assert.Equal(ReorderOutcome.Duplicate, buffer.Offer(0, "a again", released));
        Assert.Equal(ReorderOutcome.Duplicate, buffer.Offer(2, "c again", released));
        buffer.Offer(1, "b", released);

        Assert.Equal(["a", "b", "c"], released);
    }

    [Fact]
    public void Offer_WhenRandomPermutationWithDuplicates_ReleasesExactlyTheSequenceOnce()
    {
        var rng = new Random(7);
        var buffer = new ChannelReorderBuffer<int>();
        var released = new List<int>();
        var offers = Enumerable.Range(0, 500).Concat(Enumerable.Range(0, 500).Where(i => i % 7 == 0)).OrderBy(_ => rng.Next()).ToList();

        foreach (var s in offers) buffer.Offer(s, s, released);

        Assert.Equal(Enumerable.Range(0, 500), released);
    }
}
