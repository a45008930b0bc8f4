using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Checkpointing;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Checkpointing;

public sealed class BarrierAlignerTests
{
    private readonly FakeTimeProvider _clock = new();

    private static RecordBatch<int> Records(params int[] values) => new(values, values.Length);

    private static string Show(IEnumerable<StreamElement> elements) => string.Join(" ", elements.Select(e => e switch
    {
        RecordBatch<int> r => string.Join(",", r.Records.Take(r.Count)),
        CheckpointBarrier b => $"B{b.CheckpointId}",
        EndOfInput => "EOI",
        _ => "?",
    }));

    [Fact]
    public void Offer_WhenSingleChannel_ReleasesBarrierAtOnceInOrder()
    {
        var aligner = new BarrierAligner<string>(["a"], _clock);
        var output = new List<StreamElement>();

        aligner.Offer("a", Records(1), output);
        aligner.Offer("a", new CheckpointBarrier(1), output);
        aligner.Offer("a", Records(2), output);

        Assert.Equal("1 B1 2", Show(output));
        Assert.Equal(-1, aligner.Aligning);
    }

    [Fact]
    public void Offer_WhenOneChannelDeliveredTheBarrier_HoldsItsLaterRecordsUntilTheOtherDoes()
    {
        var aligner = new BarrierAligner<string>(["a", "b"], _clock);
        var output = new List<StreamElement>();

        aligner.Offer("a", Records(1), output);
        aligner.Offer("a", new CheckpointBarrier(7), output);
        aligner.Offer("a", Records(2), output);            // after the barrier on a: held
        aligner.Offer("b", Records(10), output);           // before the barrier on b: processed
        Assert.Equal("1 10", Show(output));
        Assert.Equal(7, aligner.Aligning);

        _clock.Advance(TimeSpan.FromMilliseconds(30));
        aligner.Offer("b", new CheckpointBarrier(7), output);
        aligner.Offer("b", Records(11), output);

        Assert.Equal("1 10 B7 2 11", Show(output));
        Assert.Equal(TimeSpan.FromMilliseconds(30), aligner.LastAlignmentDuration);
    }

    [Fact]
    public void Offer_WhenAChannelEnded_DoesNotWaitForIt()
    {
        var aligner = new BarrierAligner<string>(["a", "b"], _clock);
        var output = new List<StreamElement>();

        aligner.Offer("b", EndOfInput.Instance, output);
        aligner.Offer("a", new CheckpointBarrier(1), output);
        Assert.Equal("EOI B1", Show(output));

        aligner.Offer("a", new CheckpointBarrier(2), output);
        Assert.Equal("EOI B1 B2", Show(output));
    }

    [Fact]
    public void Offer_WhenChannelEndsWhileOthersAlign_CompletesTheAlignment()
    {
        var aligner = new BarrierAligner<string>(["a", "b"], _clock);
        var output = new List<StreamElement>();

        aligner.Offer("a", new CheckpointBarrier(3), output);
        aligner.Offer("a", Records(5), output);
        aligner.Offer("b", EndOfInput.Instance, output);

        Assert.Equal("EOI B3 5", Show(output));
    }

    [Fact]
    public void Offer_WhenNewerBarrierArrivesDuringAlignment_AbandonsTheOlderAndAlignsTheNewer()
    {
        var aligner = new BarrierAligner<string>(["a", "b"], _clock);
        var output = new List<StreamElement>();

        aligner.Offer("a", new CheckpointBarrier(1), output);
        aligner.Offer("a", Records(1), output);             // held behind barrier 1
        aligner.Offer("b", new CheckpointBarrier(2), output); // checkpoint 1 was aborted upstream of b
        Assert.Equal("1", Show(output));                      // a's held record released, no B1
        Assert.Equal(2, aligner.Aligning);

        aligner.Offer("a", new CheckpointBarrier(2), output);
        Assert.Equal("1 B2", Show(output));
    }

    [Fact]
    public void Offer_WhenHeldElementsContainTheNextBarrier_AlignsItAfterReplaying()
    {
        var aligner = new BarrierAligner<string>(["a", "b"], _clock);
        var output = new List<StreamElement>();

        aligner.Offer("a", new CheckpointBarrier(1), output);
        aligner.Offer("a", Records(1), output);
        aligner.Offer("a", new CheckpointBarrier(2), output); // queued behind barrier 1
        aligner.Offer("a", Records(2), output);
        aligner.Offer("b", new CheckpointBarrier(1), output);
        Assert.Equal("B1 1", Show(output));
        Assert.Equal(2, aligner.Aligning);

        aligner.Offer("b", Records(20), output);
        aligner.Offer("b", new CheckpointBarrier(2), output);

        Assert.Equal("B1 1 20 B2 2", Show(output));
    }

    [Fact]
    public void Offer_WhenRecordsWaitOnHeldChannels_CountsThemForThatAlignmentOnly()
    {
        var aligner = new BarrierAligner<string>(["a", "b", "c"], _clock);
        var output = new List<StreamElement>();

        aligner.Offer("a", new CheckpointBarrier(1), output);
        aligner.Offer("a", Records(1, 2, 3), output);      // held: 3
        aligner.Offer("b", Records(10), output);           // not held
        aligner.Offer("b", new CheckpointBarrier(1), output);
        aligner.Offer("b", Records(11, 12), output);       // held: 2
        aligner.Offer("a", new CheckpointBarrier(2), output); // a control element: counts nothing
        aligner.Offer("c", new CheckpointBarrier(1), output);

        Assert.Equal(5, aligner.LastAlignmentBufferedRecords);
        Assert.Equal(2, aligner.Aligning); // a's queued barrier 2 started the next alignment
        aligner.Offer("b", Records(13), output);           // before b's barrier 2: not held
        aligner.Offer("b", new CheckpointBarrier(2), output);
        aligner.Offer("c", new CheckpointBarrier(2), output);
        Assert.Equal(0, aligner.LastAlignmentBufferedRecords);
    }

    [Fact]
    public void Offer_WhenAnAlignmentWouldHoldMoreThanTheLimit_GivesItUpReleasesInOrderAndDropsItsLaterBarriers()
    {
        var aligner = new BarrierAligner<string>(["a", "b"], _clock, maxHeldRecords: 3);
        var output = new List<StreamElement>();

        aligner.Offer("a", new CheckpointBarrier(1), output);
        aligner.Offer("a", Records(1, 2), output);          // held: 2, within the limit
        Assert.Empty(aligner.TakeGivenUp());
        aligner.Offer("a", Records(3, 4), output);          // held: 4 > 3: given up, a's records go through
        Assert.Equal([1L], aligner.TakeGivenUp());
        Assert.Empty(aligner.TakeGivenUp());                // reported once
        Assert.Equal(-1, aligner.Aligning);
        aligner.Offer("b", Records(10), output);
        aligner.Offer("b", new CheckpointBarrier(1), output); // the given-up checkpoint's last barrier: dropped
        aligner.Offer("a", Records(5), output);

        Assert.Equal("1,2 3,4 10 5", Show(output));
        aligner.Offer("a", new CheckpointBarrier(2), output); // the next checkpoint aligns as usual
        aligner.Offer("b", new CheckpointBarrier(2), output);
        Assert.Equal("1,2 3,4 10 5 B2", Show(output));
    }
}
