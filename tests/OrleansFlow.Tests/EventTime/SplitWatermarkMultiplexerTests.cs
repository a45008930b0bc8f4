using OrleansFlow.Operators.EventTime;

namespace OrleansFlow.Tests.EventTime;

public sealed class SplitWatermarkMultiplexerTests
{
    private readonly List<string> _emitted = [];
    private readonly SplitWatermarkMultiplexer _multiplexer;

    public SplitWatermarkMultiplexerTests() => _multiplexer = new SplitWatermarkMultiplexer(e => _emitted.Add(e.ToString()!));

    [Fact]
    public void EmitWatermark_WhenSplitsAdvance_EmitsTheMinimumOverSplitsOnlyWhenItAdvances()
    {
        var a = _multiplexer.Of(0);
        var b = _multiplexer.Of(5);

        a.EmitWatermark(100);
        b.EmitWatermark(40);
        b.EmitWatermark(30); // a split going back changes nothing
        b.EmitWatermark(150);
        a.EmitWatermark(120);

        Assert.Equal(["Watermark(40)", "Watermark(100)", "Watermark(120)"], _emitted); // nothing while split 5 had none
        Assert.Equal(120, _multiplexer.CurrentWatermark);
    }

    [Fact]
    public void MarkIdle_WhenTheSlowSplitIsIdle_TheOthersDecideAndWhenAllAreIdleTheSubtaskIs()
    {
        var a = _multiplexer.Of(0);
        var b = _multiplexer.Of(1);
        a.EmitWatermark(10);
        b.EmitWatermark(50);
        _emitted.Clear();

        a.MarkIdle();
        b.MarkIdle();
        a.EmitWatermark(60); // an event-driven watermark makes the split active again

        Assert.Equal(["Watermark(50)", "Idle", "Active", "Watermark(60)"], _emitted);
        Assert.False(_multiplexer.IsIdle);
    }

    [Fact]
    public void SplitEnded_WhenEverySplitEnded_EmitsTheMaximumWatermark()
    {
        _multiplexer.Of(0).EmitWatermark(10);
        _multiplexer.Of(1).EmitWatermark(20);
        _emitted.Clear();

        _multiplexer.SplitEnded(0);
        _multiplexer.SplitEnded(1);

        Assert.Equal(["Watermark(20)", $"Watermark({long.MaxValue})"], _emitted);
    }
}
