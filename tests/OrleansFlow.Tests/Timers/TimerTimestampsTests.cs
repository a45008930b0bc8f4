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
}
