using OrleansFlow.Api.Windowing;

namespace OrleansFlow.Tests.Windowing;

/// <summary>The event time a window's results carry: the window's max timestamp, as in Flink, also for late firings.</summary>
public sealed class WindowOutputTimestampTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(0);

    [Fact]
    public void LateFiring_WhenARecordArrivesWithinTheAllowedLateness_EmitsWithTheWindowsMaxTimestamp()
    {
        var assigner = TumblingEventTimeWindows.Of(TimeSpan.FromSeconds(1));
        using var h = new WindowOperatorHarness<TimeWindow>(assigner, _ =>
            new WindowOperatorFunction<string, (string Key, long Value), List<(string Key, long Value)>, IReadOnlyList<(string Key, long Value)>, string, TimeWindow>(
                assigner, EventTimeTrigger.Create(), 5_000, new ListAggregate<(string Key, long Value)>(),
                new ElementsEmitter<string, (string Key, long Value), string, TimeWindow>(new Count())), Start);
        h.Add("a", 1, eventTime: 1_200);
        h.Watermark(2_500); // [1 000, 2 000) fires
        h.Add("a", 2, eventTime: 1_700); // late, within the lateness: fires again
        h.Add("a", 3, eventTime: 2_600); // on time: its window has not fired

        Assert.Equal([("a,2", 1_999L)], h.Stamps.Skip(1));
        Assert.Equal(("a,1", 1_999L), h.Stamps[0]);
    }

    private sealed class Count : ProcessWindowFunction<(string Key, long Value), string, string, TimeWindow>
    {
        public override void Process(string key, WindowContext<TimeWindow> context, IReadOnlyList<(string Key, long Value)> elements, OrleansFlow.Api.ICollector<string> output) =>
            output.Collect($"{key},{elements.Count}");
    }
}
