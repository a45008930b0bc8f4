using OrleansFlow.Api;
using OrleansFlow.Api.Windowing;

namespace OrleansFlow.Tests.Windowing;

/// <summary>
/// The slicing window operator against the general one: the same elements and watermarks through both give the same
/// windows (differential test), for tumbling and sliding windows with offsets, disorder, lateness and gaps in time.
/// </summary>
public sealed class SlicingWindowFunctionTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(0);

    internal static KeyedProcessFunction<string, (string Key, long Value), string> Slicing(long size, long slide, long offset) =>
        new SlicingWindowFunction<string, (string Key, long Value), (long Count, long Sum), (long Count, long Sum), string>(
            size, slide, offset, new CountSum(), new SingleResultEmitter<string, (long Count, long Sum), string, TimeWindow>(new Describe()));

    private static KeyedProcessFunction<string, (string Key, long Value), string> General(WindowAssigner<TimeWindow> assigner) =>
        new WindowOperatorFunction<string, (string Key, long Value), (long Count, long Sum), (long Count, long Sum), string, TimeWindow>(
            assigner, EventTimeTrigger.Create(), 0, new CountSum(), new SingleResultEmitter<string, (long Count, long Sum), string, TimeWindow>(new Describe()));

    public static TheoryData<long, long, long, int> Shapes
    {
        get
        {
            var shapes = new TheoryData<long, long, long, int>();
            foreach (var (size, slide, offset) in new (long, long, long)[] { (1000, 1000, 0), (1000, 1000, 300), (1000, 250, 0), (1000, 300, 0), (1000, 300, 70), (60_000, 1000, 0) })
            {
                shapes.Add(size, slide, offset, 5); // few keys: most are in each window
                shapes.Add(size, slide, offset, 60); // more keys than records per window
            }
            return shapes;
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Windows_WhenElementsAreOutOfOrderAndSomeLate_FireAsTheGeneralOperatorDoes(long size, long slide, long offset, int keys)
    {
        WindowAssigner<TimeWindow> assigner = size == slide
            ? TumblingEventTimeWindows.Of(TimeSpan.FromMilliseconds(size), TimeSpan.FromMilliseconds(offset))
            : SlidingEventTimeWindows.Of(TimeSpan.FromMilliseconds(size), TimeSpan.FromMilliseconds(slide), TimeSpan.FromMilliseconds(offset));
        using var slicing = new WindowOperatorHarness<TimeWindow>(assigner, _ => Slicing(size, slide, offset), Start);
        using var general = new WindowOperatorHarness<TimeWindow>(assigner, _ => General(assigner), Start);
        var random = new Random(42);
        long time = -5_000, watermark = long.MinValue;
        for (var i = 0; i < 3_000; i++)
        {
            time += random.Next(0, 40) + (i % 500 == 0 ? 20_000 : 0); // gaps in time, and negative times at first
            var eventTime = time - random.Next(0, 400); // out of order; late after the watermark below
            var key = $"k{random.Next(0, keys)}";
            slicing.Add(key, i, eventTime);
            general.Add(key, i, eventTime);
            if (i % 7 == 0)
            {
                watermark = Math.Max(watermark, time - 200);
                slicing.Watermark(watermark);
                general.Watermark(watermark);
            }
        }
        slicing.Watermark(long.MaxValue);
        general.Watermark(long.MaxValue);

        Assert.NotEmpty(general.Results);
        Assert.Equal(general.Results.Order(StringComparer.Ordinal), slicing.Results.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sliding_WhenAKeyHasOneRecord_FiresEveryWindowThatHoldsIt()
    {
        var assigner = SlidingEventTimeWindows.Of(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        using var h = new WindowOperatorHarness<TimeWindow>(assigner, _ => Slicing(60_000, 1_000, 0), Start);

        h.Add("a", 7, eventTime: 123_456);
        h.Watermark(long.MaxValue);

        var expected = Enumerable.Range(0, 60).Select(i => $"a,{64_000 + i * 1_000},{124_000 + i * 1_000},1,7");
        Assert.Equal(expected.Order(StringComparer.Ordinal), h.Results.Order(StringComparer.Ordinal));
    }

    private sealed class CountSum : OrleansFlow.State.IAggregateFunction<(string Key, long Value), (long Count, long Sum), (long Count, long Sum)>
    {
        public (long Count, long Sum) CreateAccumulator() => default;

        public (long Count, long Sum) Add((string Key, long Value) value, (long Count, long Sum) accumulator) => (accumulator.Count + 1, accumulator.Sum + value.Value);

        public (long Count, long Sum) GetResult((long Count, long Sum) accumulator) => accumulator;

        public (long Count, long Sum) Merge((long Count, long Sum) first, (long Count, long Sum) second) => (first.Count + second.Count, first.Sum + second.Sum);
    }

    private sealed class Describe : ProcessWindowFunction<(long Count, long Sum), string, string, TimeWindow>
    {
        public override void Process(string key, WindowContext<TimeWindow> context, IReadOnlyList<(long Count, long Sum)> elements, ICollector<string> output) =>
            output.Collect($"{key},{context.Window.Start},{context.Window.End},{elements[0].Count},{elements[0].Sum}");
    }
}
