using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Tasks;
using OrleansFlow.Tasks.Input;

namespace OrleansFlow.Tests.Tasks.Input;

public sealed class TaskInputProcessorTests
{
    private static readonly InputChannel A = new(Edge: 0, UpstreamVertex: 3, UpstreamSubtask: 0);
    private static readonly InputChannel B = new(Edge: 0, UpstreamVertex: 3, UpstreamSubtask: 1);

    private static TaskInputProcessor Processor(long maxHeld = 0) => new([A, B], new FakeTimeProvider(), maxHeld);

    private static RecordBatch<int> Records(params int[] values) => new(values, values.Length);

    private static List<StreamElement> Offer(TaskInputProcessor processor, InputChannel channel, long sequence, StreamElement element)
    {
        var output = new List<StreamElement>();
        processor.Offer(channel.Edge, channel.UpstreamSubtask, sequence, element, output);
        return output;
    }

    private static List<ChannelRelease> Releases(TaskInputProcessor processor)
    {
        var releases = new List<ChannelRelease>();
        processor.TakeReleases(releases);
        return releases;
    }

    [Fact]
    public void Offer_WhenBatchesArriveOutOfOrderOrTwice_ReleasesEachOnceInSequenceOrder()
    {
        var processor = Processor();
        var second = Records(2);
        var first = Records(1);

        Assert.Empty(Offer(processor, A, 1, second));
        Assert.Equal([first, second], Offer(processor, A, 0, first));
        Assert.Empty(Offer(processor, A, 0, first));
    }

    [Fact]
    public void Offer_WhenOneChannelDeliveredTheBarrier_HoldsItUntilTheOtherDoesAndReleasesItThen()
    {
        var processor = Processor();
        var held = Records(7);

        Assert.Empty(Offer(processor, A, 0, new CheckpointBarrier(5)));
        Assert.Empty(Offer(processor, A, 1, held));
        Assert.Empty(Releases(processor)); // A is held
        var output = Offer(processor, B, 0, new CheckpointBarrier(5));

        Assert.Equal(5, Assert.IsType<CheckpointBarrier>(output[0]).CheckpointId);
        Assert.Same(held, output[1]);
        Assert.Equal([new ChannelRelease(A, 5), new ChannelRelease(B, 5)], Releases(processor).OrderBy(r => r.Channel.UpstreamSubtask));
        Assert.Empty(Releases(processor)); // each once
        Assert.Equal(1, processor.LastAlignment.BufferedRecords);
    }

    [Fact]
    public void Offer_WhenTheOtherChannelEndsDuringAnAlignment_CompletesItThenEndsAndReleasesNoEndedChannel()
    {
        var processor = Processor();

        Assert.Empty(Offer(processor, A, 0, new CheckpointBarrier(1)));
        Assert.Empty(Offer(processor, A, 1, EndOfInput.Instance)); // held behind the barrier
        var output = Offer(processor, B, 0, EndOfInput.Instance);

        Assert.Equal(3, output.Count);
        Assert.Equal(1, Assert.IsType<CheckpointBarrier>(output[0]).CheckpointId);
        Assert.Equal(long.MaxValue, Assert.IsType<Watermark>(output[1]).Timestamp); // the end of input ends event time
        Assert.IsType<EndOfInput>(output[2]);
        Assert.Empty(Releases(processor)); // A ended: its sender finished
    }

    [Fact]
    public void Offer_WhenEveryChannelEnded_EmitsExactlyOneEndOfInput()
    {
        var processor = Processor();

        var first = Offer(processor, A, 0, EndOfInput.Instance);
        var last = Offer(processor, B, 0, EndOfInput.Instance);

        Assert.DoesNotContain(first, e => e is EndOfInput);
        Assert.Single(last, e => e is EndOfInput);
    }

    [Fact]
    public void TakeGivenUp_WhenAnAlignmentHoldsMoreThanTheLimit_ReportsItAndReleasesTheChannel()
    {
        var processor = Processor(maxHeld: 1);

        Offer(processor, A, 0, new CheckpointBarrier(9));
        var output = Offer(processor, A, 1, Records(1, 2));

        Assert.Equal([9L], processor.TakeGivenUp());
        Assert.Equal(2, output.OfType<RecordBatch<int>>().Single().Count);
        Assert.Equal([new ChannelRelease(A, 9)], Releases(processor));
    }

    [Fact]
    public void Offer_WhenTheChannelIsUnknown_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Offer(Processor(), new InputChannel(4, 3, 0), 0, Records(1)));

        Assert.Contains("edge 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_WhenWatermarksArrive_EmitsTheMinimumOverChannelsOnceItAdvances()
    {
        var processor = Processor();

        Assert.Empty(Offer(processor, A, 0, new Watermark(100)));
        var output = Offer(processor, B, 0, new Watermark(40));

        Assert.Equal(40, Assert.IsType<Watermark>(Assert.Single(output)).Timestamp);
        Assert.Equal(40, processor.CurrentWatermark);
    }

    [Fact]
    public void Offer_WhenAChannelIsHeldByAnAlignment_HoldsItsWatermarkBehindTheBarrier()
    {
        var processor = Processor();
        Offer(processor, A, 0, new CheckpointBarrier(1));
        Assert.Empty(Offer(processor, A, 1, new Watermark(100)));
        Assert.Empty(Offer(processor, B, 0, new Watermark(50))); // A's 100 is still held: the minimum is A's MinValue

        var output = Offer(processor, B, 1, new CheckpointBarrier(1));

        Assert.IsType<CheckpointBarrier>(output[0]);
        Assert.Equal(50, Assert.IsType<Watermark>(output[1]).Timestamp);
    }
}
