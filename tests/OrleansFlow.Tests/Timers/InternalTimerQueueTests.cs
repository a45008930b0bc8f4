using OrleansFlow.Api;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using OrleansFlow.Tests.State;
using OrleansFlow.Timers;

namespace OrleansFlow.Tests.Timers;

public sealed class InternalTimerQueueTests
{
    private const string StateName = InternalStateNames.Prefix + "event";

    private static (HeapKeyedStateBackend<string> Backend, InternalTimerQueue<string> Queue) Create(int start = 0, int end = 127)
    {
        var backend = StateTestSupport.CreateBackend<string>(start, end);
        return (backend, new InternalTimerQueue<string>(backend, StateName, TimeDomain.EventTime));
    }

    private static void Register(HeapKeyedStateBackend<string> backend, InternalTimerQueue<string> queue, string key, long timestamp)
    {
        backend.Select(key);
        queue.Register(timestamp);
    }

    [Fact]
    public void FireUpTo_WhenTimersWereRegisteredOutOfOrder_FiresThoseDueInTimestampOrderOnce()
    {
        var (backend, queue) = Create();
        Register(backend, queue, "b", 300);
        Register(backend, queue, "a", 100);
        Register(backend, queue, "c", 200);
        Register(backend, queue, "d", 900);
        var target = new RecordingTimerTarget<string>();

        Assert.Equal(3, queue.FireUpTo(300, target));
        Assert.Equal(0, queue.FireUpTo(300, target));

        Assert.Equal(["a@100", "c@200", "b@300"], target.Fired);
        Assert.Equal(1, queue.Count);
        Assert.Equal(900, queue.NextTimestamp);
    }

    [Fact]
    public void FireUpTo_WhenATimerFires_MakesItsKeyCurrentForTheTarget()
    {
        var (backend, queue) = Create();
        Register(backend, queue, "k1", 10);
        Register(backend, queue, "k2", 20);
        backend.Select("other");
        var current = new List<string>();

        queue.FireUpTo(20, new RecordingTimerTarget<string>((_, _) => current.Add(backend.CurrentKey)));

        Assert.Equal(["k1", "k2"], current);
    }

    [Fact]
    public void Register_WhenTheSameKeyAndTimestampTwice_KeepsOneTimer()
    {
        var (backend, queue) = Create();
        backend.Select("a");

        Assert.True(queue.Register(100));
        Assert.False(queue.Register(100));
        Assert.True(queue.Register(101)); // another timestamp is another timer
        backend.Select("b");
        Assert.True(queue.Register(100)); // another key is another timer
        var target = new RecordingTimerTarget<string>();
        queue.FireUpTo(long.MaxValue, target);

        Assert.Equal(3, target.Fired.Count);
        Assert.Equal(["a@100", "a@101", "b@100"], target.Fired.Order());
    }

    [Fact]
    public void Delete_WhenATimerIsDeletedAndRegisteredAgain_FiresItExactlyOnce()
    {
        var (backend, queue) = Create();
        Register(backend, queue, "a", 100);
        Register(backend, queue, "b", 50);

        backend.Select("b");
        Assert.True(queue.Delete(50));
        Assert.False(queue.Delete(50));
        backend.Select("a");
        Assert.True(queue.Delete(100));
        Assert.True(queue.Register(100));
        var target = new RecordingTimerTarget<string>();
        queue.FireUpTo(1_000, target);

        Assert.Equal(["a@100"], target.Fired);
        Assert.Equal(0, queue.Count);
        Assert.Empty(StateTestSupport.KeysOf(backend, StateName));
    }

    [Fact]
    public void FireUpTo_WhenATargetRegistersADueTimer_FiresItInTheSameAdvance()
    {
        var (backend, queue) = Create();
        Register(backend, queue, "a", 100);
        RecordingTimerTarget<string>? target = null;
        target = new RecordingTimerTarget<string>((_, timestamp) =>
        {
            if (timestamp != 100) return;
            queue.Register(400); // the key is current
            queue.Register(600);
        });

        queue.FireUpTo(500, target);

        Assert.Equal(["a@100", "a@400"], target.Fired);
        Assert.Equal(600, queue.NextTimestamp);
    }

    [Fact]
    public void Rebuild_WhenRestoredAtAnotherParallelism_TakesExactlyItsKeyGroupsTimers()
    {
        var (backend, queue) = Create();
        var keys = Enumerable.Range(0, 200).Select(i => $"key-{i}").ToList();
        foreach (var key in keys) Register(backend, queue, key, 1_000 + key.Length);
        var bytes = StateTestSupport.SnapshotBytes(backend);
        var fired = new List<string>();

        foreach (var range in new[] { new KeyGroupRange(0, 42), new KeyGroupRange(43, 85), new KeyGroupRange(86, 127) })
        {
            var restored = StateTestSupport.CreateBackend<string>(range.StartKeyGroup, range.EndKeyGroup);
            var restoredQueue = new InternalTimerQueue<string>(restored, StateName, TimeDomain.EventTime);
            restored.Restore(new MemoryStream(bytes), range);
            restoredQueue.Rebuild();
            var target = new RecordingTimerTarget<string>();
            restoredQueue.FireUpTo(long.MaxValue, target);

            Assert.All(target.Fired, f => Assert.True(range.Contains(StateTestSupport.KeyGroupOf(f[..f.IndexOf('@')])), f));
            fired.AddRange(target.Fired);
        }

        Assert.Equal(keys.Select(k => $"{k}@{1_000 + k.Length}").Order(), fired.Order());
    }

    [Fact]
    public async Task Register_WhenASnapshotIsInFlight_LeavesTheSnapshotsTimersAsTheyWere()
    {
        var (backend, queue) = Create();
        Register(backend, queue, "a", 10);
        using var snapshot = backend.BeginSnapshot(backend.KeyGroupRange);
        Register(backend, queue, "a", 20);
        queue.FireUpTo(10, new RecordingTimerTarget<string>());
        using var stream = new MemoryStream();
        await snapshot.WriteToAsync(stream);

        var restored = StateTestSupport.CreateBackend<string>(0, 127);
        var restoredQueue = new InternalTimerQueue<string>(restored, StateName, TimeDomain.EventTime);
        restored.Restore(new MemoryStream(stream.ToArray()), restored.KeyGroupRange);
        restoredQueue.Rebuild();
        var target = new RecordingTimerTarget<string>();
        restoredQueue.FireUpTo(long.MaxValue, target);

        Assert.Equal(["a@10"], target.Fired);
    }

    [Fact]
    public void GetState_WhenAUserStateTakesTheTimersName_ThrowsNamingTheReservation()
    {
        var backend = StateTestSupport.CreateBackend<string>(0, 127);

        var error = Assert.Throws<ArgumentException>(() => backend.GetListState(new ListStateDescriptor<long>(StateName)));

        Assert.Contains("reserved", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rebuild_WhenNoTimerWasEverRegistered_LeavesNoTimerStateInTheSnapshot()
    {
        var (backend, queue) = Create();
        backend.GetState(new ValueStateDescriptor<long>("sum"));
        queue.Rebuild();
        var target = StateTestSupport.CreateBackend<string>(0, 127);

        target.Restore(new MemoryStream(StateTestSupport.SnapshotBytes(backend)), target.KeyGroupRange);

        Assert.True(target.HasState("sum"));
        Assert.False(target.HasState(StateName));
    }
}
