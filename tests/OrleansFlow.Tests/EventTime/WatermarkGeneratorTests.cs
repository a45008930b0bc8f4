using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Api.EventTime;

namespace OrleansFlow.Tests.EventTime;

public sealed class WatermarkGeneratorTests
{
    private readonly RecordingWatermarkOutput _output = new();

    [Fact]
    public void OnPeriodicEmit_WhenBoundedOutOfOrderness_EmitsTheLargestTimestampMinusTheBoundMinusOne()
    {
        var generator = WatermarkStrategy<int>.ForBoundedOutOfOrderness(TimeSpan.FromMilliseconds(100)).CreateGenerator(TimeProvider.System);

        generator.OnPeriodicEmit(_output);
        generator.OnEvent(1, 1_000, _output);
        generator.OnEvent(2, 900, _output); // out of order: the largest stays
        generator.OnPeriodicEmit(_output);
        generator.OnEvent(3, 1_500, _output);
        generator.OnPeriodicEmit(_output);

        Assert.Equal([long.MinValue.ToString(System.Globalization.CultureInfo.InvariantCulture), "899", "1399"], _output.Emitted);
    }

    [Fact]
    public void OnPeriodicEmit_WhenMonotonous_EmitsTheLastTimestampMinusOne()
    {
        var generator = WatermarkStrategy<int>.ForMonotonousTimestamps().CreateGenerator(TimeProvider.System);

        generator.OnEvent(1, 42, _output);
        generator.OnPeriodicEmit(_output);

        Assert.Equal(["41"], _output.Emitted);
    }

    [Fact]
    public void OnPeriodicEmit_WhenNoEventForTheIdleTimeout_MarksIdleOnceAndTheNextEventMakesItActive()
    {
        var clock = new FakeTimeProvider();
        var generator = WatermarkStrategy<int>.ForMonotonousTimestamps().WithIdleness(TimeSpan.FromSeconds(5)).CreateGenerator(clock);
        generator.OnEvent(1, 10, _output);

        clock.Advance(TimeSpan.FromSeconds(4));
        generator.OnPeriodicEmit(_output);
        clock.Advance(TimeSpan.FromSeconds(1));
        generator.OnPeriodicEmit(_output);
        generator.OnPeriodicEmit(_output);
        generator.OnEvent(2, 20, _output);
        generator.OnPeriodicEmit(_output);

        Assert.Equal(["9", "idle", "active", "19"], _output.Emitted);
    }

    [Fact]
    public void WithTimestampAssigner_WhenSet_KeepsTheGeneratorAndTheIdleness()
    {
        var strategy = WatermarkStrategy<(long Time, string Name)>.ForBoundedOutOfOrderness(TimeSpan.FromSeconds(1))
            .WithIdleness(TimeSpan.FromMinutes(1))
            .WithTimestampAssigner((e, _) => e.Time);

        Assert.Equal(7, strategy.TimestampAssigner!((7, "x"), 0));
        Assert.Equal(TimeSpan.FromMinutes(1), strategy.Idleness);
        Assert.IsType<IdlenessWatermarks<(long, string)>>(strategy.CreateGenerator(TimeProvider.System));
    }
}
