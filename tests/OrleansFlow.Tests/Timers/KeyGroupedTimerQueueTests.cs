using OrleansFlow.KeyGroups;
using OrleansFlow.Timers;

namespace OrleansFlow.Tests.Timers;

public sealed class KeyGroupedTimerQueueTests
{
    private static KeyGroupedTimerQueue<string> Queue() => new(new KeyGroupRange(10, 19));

    private static List<string> FireUpTo(KeyGroupedTimerQueue<string> queue, long time)
    {
        var fired = new List<string>();
        queue.FireUpTo(time, t => fired.Add($"{t.Key}@{t.Timestamp}"));
        return fired;
    }

    [Fact]
    public void FireUpTo_WhenTimersWereRegisteredOutOfOrder_FiresThoseDueInTimestampOrderOnce()
    {
        var queue = Queue();
        queue.Register("b", 11, 300);
        queue.Register("a", 10, 100);
        queue.Register("c", 12, 200);
        queue.Register("d", 12, 900);

        Assert.Equal(["a@100", "c@200", "b@300"], FireUpTo(queue, 300));
        Assert.Empty(FireUpTo(queue, 300));
        Assert.Equal(1, queue.Count);
        Assert.Equal(900, queue.NextTimestamp);
    }

    [Fact]
    public void Register_WhenTheSameKeyAndTimestampTwice_KeepsOneTimer()
    {
        var queue = Queue();

        Assert.True(queue.Register("a", 10, 100));
        Assert.False(queue.Register("a", 10, 100));
        Assert.True(queue.Register("a", 10, 101)); // another timestamp is another timer

        Assert.Equal(2, queue.Count);
        Assert.Equal(["a@100", "a@101"], FireUpTo(queue, long.MaxValue));
    }

    [Fact]
    public void Delete_WhenATimerIsDeletedAndRegisteredAgain_FiresItExactlyOnce()
    {
        var queue = Queue();
        queue.Register("a", 10, 100);
        queue.Register("b", 10, 50);

        Assert.True(queue.Delete("b", 10, 50));
        Assert.False(queue.Delete("b", 10, 50));
        Assert.True(queue.Delete("a", 10, 100));
        queue.Register("a", 10, 100);

        Assert.Equal(["a@100"], FireUpTo(queue, 1_000));
        Assert.Equal(0, queue.Count);
        Assert.Equal(long.MaxValue, queue.NextTimestamp);
    }

    [Fact]
    public void FireUpTo_WhenACallbackRegistersADueTimer_FiresItInTheSameAdvance()
    {
        var queue = Queue();
        queue.Register("a", 10, 100);
        var fired = new List<long>();

        queue.FireUpTo(500, t =>
        {
            fired.Add(t.Timestamp);
            if (t.Timestamp == 100) { queue.Register("a", 10, 400); queue.Register("a", 10, 600); }
        });

        Assert.Equal([100L, 400L], fired);
        Assert.Equal(600, queue.NextTimestamp);
    }

    [Fact]
    public void TimersOf_WhenRestoredIntoAnotherSubtask_MovesExactlyThatKeyGroup()
    {
        var queue = Queue();
        queue.Register("x", 15, 30);
        queue.Register("y", 15, 10);
        queue.Register("z", 16, 20);
        var target = new KeyGroupedTimerQueue<string>(new KeyGroupRange(15, 15));

        target.Restore(15, queue.TimersOf(15));

        Assert.Equal([("y", 10L), ("x", 30L)], queue.TimersOf(15));
        Assert.Equal(["y@10", "x@30"], FireUpTo(target, 100));
    }

    [Fact]
    public void Register_WhenTheKeyGroupIsNotThisSubtasks_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Queue().Register("a", 20, 1));

        Assert.Contains("Key group 20", error.Message, StringComparison.Ordinal);
    }
}
