using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansFlow.Timers;

namespace OrleansFlow.Tests.Timers;

public sealed class TimerTimestampsTests
{
    [Fact]
    public void Remove_WhenTheInlineOneGoesFirst_KeepsTheOthersAndReusesTheSlot()
    {
        var timestamps = new TimerTimestamps(10);
        timestamps.Add(20);
        timestamps.Add(30);

        Assert.True(timestamps.Remove(10));
        Assert.False(timestamps.Contains(10));
        Assert.Equal([20L, 30], timestamps.All().Order());
        timestamps.Add(40);
        Assert.Equal([20L, 30, 40], timestamps.All().Order());
        Assert.True(timestamps.Remove(20));
        Assert.True(timestamps.Remove(40));
        Assert.False(timestamps.Remove(30));
    }

    [Fact]
    public void Remove_WhenManyTimersComeAndGoInOrder_EndsEmptyHavingSeenEachOnce()
    {
        var timestamps = new TimerTimestamps(0);
        for (long t = 1; t < 5_000; t++) timestamps.Add(t);
        for (long t = 0; t < 4_999; t++)
        {
            Assert.True(timestamps.Contains(t));
            Assert.True(timestamps.Remove(t));
        }

        Assert.Equal([4_999L], timestamps.All());
        Assert.False(timestamps.Remove(4_999));
    }

    [Fact]
    public void Contains_WhenReadFromASnapshotWrittenBeforeFirstRemovedExisted_TreatsTheInlineOneAsLive()
    {
        var old = new TimerTimestamps { First = 7, Rest = [8] }; // FirstRemoved absent in old snapshots: false

        Assert.True(old.Contains(7));
        Assert.Equal([7L, 8], old.All().Order());
    }

    [Fact]
    public void Add_WhenMoreThanTheSmallArrayHolds_KeepsEveryOneAndRemovesEachOnce()
    {
        var timestamps = new TimerTimestamps(100);
        var added = Enumerable.Range(0, 3 * TimerTimestamps.SmallCapacity).Select(i => (long)i).ToList();
        foreach (var t in added) timestamps.Add(t);

        Assert.NotNull(timestamps.Rest); // spilled past the small array
        Assert.Equal(added.Append(100).Order(), timestamps.All().Order());
        foreach (var t in added.OrderBy(t => (t * 7919) % 31)) // an order mixing the small array and the set
        {
            Assert.True(timestamps.Contains(t));
            Assert.True(timestamps.TryRemove(t));
            Assert.False(timestamps.Contains(t));
            Assert.False(timestamps.TryRemove(t));
        }
        Assert.Equal([100L], timestamps.All());
        Assert.False(timestamps.IsEmpty);
        Assert.True(timestamps.TryRemove(100));
        Assert.True(timestamps.IsEmpty);
    }

    [Fact]
    public void TryRemove_WhenTheTimestampIsAbsent_ReturnsFalseAndChangesNothing()
    {
        var timestamps = new TimerTimestamps(5);
        timestamps.Add(6);

        Assert.False(timestamps.TryRemove(7));
        Assert.Equal([5L, 6], timestamps.All().Order());
    }

    [Fact]
    public void Serializer_WhenValueUsesEveryPart_RoundTripsIt()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var timestamps = new TimerTimestamps(1);
        for (long t = 2; t < 2 + TimerTimestamps.SmallCapacity + 3; t++) timestamps.Add(t);
        timestamps.TryRemove(1);

        var copy = serializer.Deserialize<TimerTimestamps>(serializer.SerializeToArray(timestamps));

        Assert.Equal(timestamps.All().Order(), copy.All().Order());
        Assert.False(copy.Contains(1));
    }
}
