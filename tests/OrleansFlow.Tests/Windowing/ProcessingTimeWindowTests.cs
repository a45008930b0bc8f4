using OrleansFlow.Api.Windowing;

namespace OrleansFlow.Tests.Windowing;

/// <summary>Processing-time windows on a fake clock: elements go by arrival time, windows fire when the clock passes their end.</summary>
public sealed class ProcessingTimeWindowTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(10_000);

    [Fact]
    public void TumblingProcessingTime_WhenTheClockPassesAWindowsEnd_FiresItWithTheElementsThatArrivedInIt()
    {
        using var h = new WindowOperatorHarness<TimeWindow>(TumblingProcessingTimeWindows.Of(TimeSpan.FromSeconds(1)), f => f.Sum(), Start);
        h.Add("a", 1, eventTime: 999_999); // event time plays no part
        h.Add("b", 2);
        h.AdvanceClock(TimeSpan.FromMilliseconds(500));
        h.Add("a", 3);

        h.AdvanceClock(TimeSpan.FromMilliseconds(498)); // 10 998: before the max timestamp 10 999 of [10 000, 11 000)
        Assert.Empty(h.Results);
        h.AdvanceClock(TimeSpan.FromMilliseconds(1)); // 10 999
        Assert.Equal(2, h.Results.Count());
        h.AdvanceClock(TimeSpan.FromMilliseconds(1));
        h.Add("a", 4); // 11 000: the next window

        Assert.Equal(["a,10000,11000,2,4", "b,10000,11000,1,2"], h.Results.Order());
        h.AdvanceClock(TimeSpan.FromSeconds(1));
        Assert.Contains("a,11000,12000,1,4", h.Results);
    }

    [Fact]
    public void SlidingProcessingTime_WhenElementsArrive_EachWindowOfTheirArrivalTimeFiresOnce()
    {
        using var h = new WindowOperatorHarness<TimeWindow>(
            SlidingProcessingTimeWindows.Of(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)), f => f.Sum(), Start);
        h.Add("a", 1); // at 10 000: windows [9 500, 10 500) and [10 000, 11 000)

        for (var i = 0; i < 8; i++) h.AdvanceClock(TimeSpan.FromMilliseconds(250));

        Assert.Equal(["a,10000,11000,1,1", "a,9500,10500,1,1"], h.Results.Order());
    }

    [Fact]
    public void ProcessingTimeSessions_WhenAGapPassesWithoutElements_CloseTheSession()
    {
        using var h = new WindowOperatorHarness<TimeWindow>(ProcessingTimeSessionWindows.WithGap(TimeSpan.FromMilliseconds(100)), f => f.Sum(), Start);
        h.Add("a", 1);
        h.AdvanceClock(TimeSpan.FromMilliseconds(60));
        h.Add("a", 2); // merges: [10 000, 10 160)
        h.AdvanceClock(TimeSpan.FromMilliseconds(60));
        Assert.Empty(h.Results);

        h.AdvanceClock(TimeSpan.FromMilliseconds(60)); // 10 180 > 10 159

        Assert.Equal(["a,10000,10160,2,3"], h.Results);
    }

    [Fact]
    public void EventTimeWindow_WhenARecordHasNoEventTime_FailsNamingTheWatermarkStrategy()
    {
        using var h = new WindowOperatorHarness<TimeWindow>(TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1)), f => f.Sum(), Start);

        var error = Assert.Throws<InvalidOperationException>(() => h.Add("a", 1));

        Assert.Contains("WatermarkStrategy", error.Message, StringComparison.Ordinal);
    }
}
