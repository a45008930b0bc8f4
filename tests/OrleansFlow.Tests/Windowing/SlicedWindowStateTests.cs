using OrleansFlow.Api.Windowing;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using OrleansFlow.Tests.State;

namespace OrleansFlow.Tests.Windowing;

/// <summary>
/// The slicing window operator's state across snapshots: a snapshot holds the slices as they were when it was taken,
/// keys restored from subtasks whose watermarks differed fire each remaining window once, and the per-key layout that
/// earlier versions stored restores into the slice layout.
/// </summary>
public sealed class SlicedWindowStateTests
{
    private const long Size = 1000, Slide = 250;
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(0);
    private static readonly SlidingEventTimeWindows Sliding = SlidingEventTimeWindows.Of(TimeSpan.FromMilliseconds(Size), TimeSpan.FromMilliseconds(Slide));
    private static readonly KeyGroupRange Low = new(0, 63), High = new(64, 127), All = new(0, 127);

    [Fact]
    public void Restore_WhenSubtasksFiredThroughDifferentWindows_FiresEachRemainingWindowOnce()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}").ToList();
        var low = keys.Where(k => Low.Contains(StateTestSupport.KeyGroupOf(k))).ToList();
        var high = keys.Where(k => High.Contains(StateTestSupport.KeyGroupOf(k))).ToList();
        Assert.NotEmpty(low);
        Assert.NotEmpty(high);

        // Two subtasks, and the same two without a restore as the reference.
        using var lowTask = Harness(Low);
        using var highTask = Harness(High);
        using var lowReference = Harness(Low);
        using var highReference = Harness(High);
        Feed(low, 0, 3_000, lowTask, lowReference);
        Feed(high, 0, 3_000, highTask, highReference);
        foreach (var h in new[] { lowTask, lowReference }) h.Watermark(1_100); // fired through 1,000
        foreach (var h in new[] { highTask, highReference }) h.Watermark(2_300); // fired through 2,250
        var before = lowTask.Results.Concat(highTask.Results).ToList();

        using var restored = new WindowOperatorHarness<TimeWindow>(
            Sliding, _ => SlicingWindowFunctionTests.Slicing(Size, Slide, 0), Start, All,
            [StateTestSupport.SnapshotBytes(lowTask.Backend), StateTestSupport.SnapshotBytes(highTask.Backend)]);
        Feed(low, 3_000, 4_000, restored, lowReference);
        Feed(high, 3_000, 4_000, restored, highReference);
        restored.Watermark(long.MaxValue);
        lowReference.Watermark(long.MaxValue);
        highReference.Watermark(long.MaxValue);

        var expected = lowReference.Results.Concat(highReference.Results).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, before.Concat(restored.Results).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Snapshot_WhenSlicesChangeAfterItWasTaken_HoldsThemAsTheyWere()
    {
        using var task = Harness(All);
        using var reference = Harness(All);
        Feed(["a", "b", "c"], 0, 600, task, reference);
        using var snapshot = task.Backend.BeginSnapshot(task.Backend.KeyGroupRange);
        Feed(["a", "b", "c", "d"], 400, 900, task); // into the captured slices, and new ones
        task.Watermark(700); // fires and drops captured slices
        using var stream = new MemoryStream();
        await snapshot.WriteToAsync(stream);

        using var restored = new WindowOperatorHarness<TimeWindow>(Sliding, _ => SlicingWindowFunctionTests.Slicing(Size, Slide, 0), Start, All, [stream.ToArray()]);
        restored.Watermark(long.MaxValue);
        reference.Watermark(long.MaxValue);

        Assert.NotEmpty(reference.Results);
        Assert.Equal(reference.Results.Order(StringComparer.Ordinal), restored.Results.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Restore_WhenTheSnapshotHoldsThePerKeyLayout_FiresItsWindowsFromItsNextWindowOn()
    {
        // The layout earlier versions wrote: value state window-slices of SliceBuffer per key. Key "a" has slices ending
        // at 250 and 500 and had fired its window ending at 250 (next: 500); key "b" one slice ending at 1,000.
        var old = StateTestSupport.CreateBackend<string>(0, 127);
        var state = old.GetState(new ValueStateDescriptor<SliceBuffer<(long Count, long Sum)>>(SlicingWindowFunction<string, (string, long), (long, long), (long, long), string>.SlicesState));
        old.Select("a");
        var a = new SliceBuffer<(long Count, long Sum)>();
        a.Insert(250, (1, 10));
        a.Insert(500, (2, 5));
        a.NextFire = 500;
        state.Update(a);
        old.Select("b");
        var b = new SliceBuffer<(long Count, long Sum)>();
        b.Insert(1_000, (1, 7));
        b.NextFire = 1_000;
        state.Update(b);

        using var restored = new WindowOperatorHarness<TimeWindow>(
            Sliding, _ => SlicingWindowFunctionTests.Slicing(Size, Slide, 0), Start, All, [StateTestSupport.SnapshotBytes(old)]);
        restored.Watermark(long.MaxValue);

        string[] expected =
        [
            "a,-500,500,3,15", "a,-250,750,3,15", "a,0,1000,3,15", "a,250,1250,2,5", // not the window ending at 250 again
            "b,0,1000,1,7", "b,250,1250,1,7", "b,500,1500,1,7", "b,750,1750,1,7",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), restored.Results.Order(StringComparer.Ordinal));
    }

    private static WindowOperatorHarness<TimeWindow> Harness(KeyGroupRange range) =>
        new(Sliding, _ => SlicingWindowFunctionTests.Slicing(Size, Slide, 0), Start, range, []);

    /// <summary>Records of <paramref name="keys"/> in turn, one every 7 ms of event time in [from, to), into each harness.</summary>
    private static void Feed(IReadOnlyList<string> keys, long from, long to, params WindowOperatorHarness<TimeWindow>[] harnesses)
    {
        var i = 0;
        for (var time = from; time < to; time += 7, i++)
            foreach (var h in harnesses) h.Add(keys[i % keys.Count], time, time);
    }
}
