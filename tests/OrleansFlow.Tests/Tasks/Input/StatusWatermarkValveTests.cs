using OrleansFlow.Tasks;
using OrleansFlow.Tasks.Input;

namespace OrleansFlow.Tests.Tasks.Input;

public sealed class StatusWatermarkValveTests
{
    private readonly List<StreamElement> _output = [];

    private List<StreamElement> Take()
    {
        var taken = _output.ToList();
        _output.Clear();
        return taken;
    }

    private static long Timestamp(StreamElement element) => Assert.IsType<Watermark>(element).Timestamp;

    [Fact]
    public void InputWatermark_WhenEveryChannelReported_EmitsTheMinimumAndOnlyWhenItAdvances()
    {
        var valve = new StatusWatermarkValve(3);

        valve.InputWatermark(0, 10, _output);
        valve.InputWatermark(1, 20, _output);
        Assert.Empty(Take()); // channel 2 has none yet
        valve.InputWatermark(2, 5, _output);
        Assert.Equal(5, Timestamp(Assert.Single(Take())));
        valve.InputWatermark(2, 30, _output);
        Assert.Equal(10, Timestamp(Assert.Single(Take())));
        valve.InputWatermark(1, 15, _output); // a channel going back is ignored
        valve.InputWatermark(0, 12, _output);

        Assert.Equal(12, Timestamp(Assert.Single(Take())));
        Assert.Equal(12, valve.CurrentWatermark);
    }

    [Fact]
    public void InputStatus_WhenTheChannelHoldingTheMinimumGoesIdle_AdvancesToTheMinimumOfTheOthers()
    {
        var valve = new StatusWatermarkValve(2);
        valve.InputWatermark(0, 10, _output);
        valve.InputWatermark(1, 50, _output);
        Take();

        valve.InputStatus(0, idle: true, _output);

        Assert.Equal(50, Timestamp(Assert.Single(Take())));
        Assert.False(valve.IsIdle);
    }

    [Fact]
    public void InputStatus_WhenAnIdleChannelBecomesActiveBehindTheOutput_CountsOnlyOnceItCatchesUp()
    {
        var valve = new StatusWatermarkValve(2);
        valve.InputWatermark(0, 10, _output);
        valve.InputWatermark(1, 50, _output);
        Assert.Equal(10, Timestamp(Assert.Single(Take())));
        valve.InputStatus(0, idle: true, _output);
        valve.InputWatermark(1, 60, _output);
        Assert.Equal([50L, 60L], Take().Select(Timestamp));

        valve.InputStatus(0, idle: false, _output);
        valve.InputWatermark(0, 20, _output); // behind the output: not aligned yet, does not pull it back
        valve.InputWatermark(1, 70, _output);
        Assert.Equal(70, Timestamp(Assert.Single(Take())));
        valve.InputWatermark(0, 65, _output); // caught up with 70? no: still unaligned
        valve.InputWatermark(0, 80, _output); // now aligned
        valve.InputWatermark(1, 90, _output);

        Assert.Equal(80, Timestamp(Assert.Single(Take())));
    }

    [Fact]
    public void InputStatus_WhenEveryChannelGoesIdle_AdvancesToTheMaximumThenIsIdleAndTheFirstActiveEndsIt()
    {
        var valve = new StatusWatermarkValve(2);
        valve.InputWatermark(0, 10, _output);
        valve.InputWatermark(1, 50, _output);
        Assert.Equal(10, Timestamp(Assert.Single(Take())));
        valve.InputStatus(1, idle: true, _output);
        Assert.Empty(Take()); // channel 0 holds 10

        valve.InputStatus(0, idle: true, _output);
        var idle = Take();
        Assert.Equal(50, Timestamp(idle[0]));
        Assert.True(Assert.IsType<WatermarkStatus>(idle[1]).IsIdle);
        Assert.True(valve.IsIdle);
        valve.InputWatermark(0, 100, _output); // ignored while idle
        Assert.Empty(Take());

        valve.InputStatus(0, idle: false, _output);

        Assert.False(Assert.IsType<WatermarkStatus>(Assert.Single(Take())).IsIdle);
        Assert.False(valve.IsIdle);
    }

    [Fact]
    public void InputEnded_WhenEveryChannelEnded_EmitsTheMaximumWatermark()
    {
        var valve = new StatusWatermarkValve(2);
        valve.InputWatermark(0, 10, _output);
        valve.InputWatermark(1, 20, _output);
        Take();

        valve.InputEnded(0, _output);
        Assert.Equal(20, Timestamp(Assert.Single(Take())));
        valve.InputEnded(1, _output);

        Assert.Same(Watermark.Max, Assert.Single(Take()));
    }
}
