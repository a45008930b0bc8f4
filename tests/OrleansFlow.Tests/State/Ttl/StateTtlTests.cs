using Microsoft.Extensions.Time.Testing;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;

namespace OrleansFlow.Tests.State.Ttl;

/// <summary>Time to live on every kind of keyed state, on a fake clock: expiry, renewal, cleanup, snapshots and toggling TTL across a restore.</summary>
public sealed class StateTtlTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private HeapKeyedStateBackend<string> NewBackend() => new(new KeyGroupRange(0, 127), 128, StateTestSupport.Serializer, _clock);

    private static T WithTtl<T>(T descriptor, StateTtlUpdateType update = StateTtlUpdateType.OnCreateAndWrite, bool fullSnapshot = true, int incremental = 5)
        where T : StateDescriptor
    {
        descriptor.EnableTimeToLive(new StateTtlConfig(Ttl) { UpdateType = update, CleanupFullSnapshot = fullSnapshot, CleanupIncrementally = incremental });
        return descriptor;
    }

    private HeapKeyedStateBackend<string> Restore(byte[] snapshot)
    {
        var backend = NewBackend();
        backend.Restore(new MemoryStream(snapshot), backend.KeyGroupRange);
        return backend;
    }

    [Fact]
    public void ValueState_WhenTheTtlPassesSinceTheWrite_NeverReturnsTheValue()
    {
        var backend = NewBackend();
        var state = backend.GetState(WithTtl(new ValueStateDescriptor<long>("v", -1)));
        backend.Select("a");
        state.Update(7);

        _clock.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        Assert.Equal(7, state.Value);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(state.TryGetValue(out _));
        Assert.Equal(-1, state.Value);
    }

    [Theory]
    [InlineData(StateTtlUpdateType.OnCreateAndWrite, false)]
    [InlineData(StateTtlUpdateType.OnReadAndWrite, true)]
    public void ValueState_WhenReadBeforeExpiry_RenewsOnlyWithOnReadAndWrite(StateTtlUpdateType update, bool alive)
    {
        var backend = NewBackend();
        var state = backend.GetState(WithTtl(new ValueStateDescriptor<long>("v"), update));
        backend.Select("a");
        state.Update(7);

        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(7, state.Value);
        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(alive, state.TryGetValue(out _));
    }

    [Fact]
    public void ListState_WhenElementsWereAddedAtDifferentTimes_ExpiresEachOnItsOwn()
    {
        var backend = NewBackend();
        var state = backend.GetListState(WithTtl(new ListStateDescriptor<string>("l")));
        backend.Select("a");
        state.Add("old");
        _clock.Advance(TimeSpan.FromSeconds(6));
        state.AddAll(["new1", "new2"]);
        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.Equal(["new1", "new2"], state.Get());
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Empty(state.Get());
    }

    [Fact]
    public void MapState_WhenEntriesWereWrittenAtDifferentTimes_ExpiresEachOnItsOwn()
    {
        var backend = NewBackend();
        var state = backend.GetMapState(WithTtl(new MapStateDescriptor<string, long>("m")));
        backend.Select("a");
        state.Put("x", 1);
        _clock.Advance(TimeSpan.FromSeconds(6));
        state.Put("y", 2);
        _clock.Advance(TimeSpan.FromSeconds(6));

        Assert.False(state.Contains("x"));
        Assert.True(state.TryGetValue("y", out var y) && y == 2);
        Assert.Equal(["y"], state.Entries().Select(e => e.Key));
        Assert.False(state.IsEmpty);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(state.IsEmpty);
    }

    [Fact]
    public void ReducingAndAggregatingState_WhenTheAccumulatorExpired_StartOver()
    {
        var backend = NewBackend();
        var sum = backend.GetReducingState(WithTtl(new ReducingStateDescriptor<long>("sum", (a, b) => a + b)));
        var count = backend.GetAggregatingState(WithTtl(new AggregatingStateDescriptor<long, long, long>("count", new CountAggregate())));
        backend.Select("a");
        sum.Add(5);
        count.Add(5);
        sum.Add(6);
        count.Add(6);
        Assert.True(sum.TryGet(out var before) && before == 11);

        _clock.Advance(Ttl);
        Assert.False(count.TryGet(out _));
        sum.Add(1);
        count.Add(1);

        Assert.True(sum.TryGet(out var after) && after == 1);
        Assert.True(count.TryGet(out var counted) && counted == 1);
    }

    [Fact]
    public void Snapshot_WhenCleanupOnFullSnapshot_LeavesExpiredValuesOutAndKeepsTheirTimestamps()
    {
        var backend = NewBackend();
        var state = backend.GetState(WithTtl(new ValueStateDescriptor<long>("v"), incremental: 0));
        backend.Select("old");
        state.Update(1);
        _clock.Advance(TimeSpan.FromSeconds(6));
        backend.Select("new");
        state.Update(2);
        _clock.Advance(TimeSpan.FromSeconds(6));

        var restored = Restore(StateTestSupport.SnapshotBytes(backend));
        var keys = new List<string>();
        restored.ApplyToAllKeys("v", keys.Add);
        var again = restored.GetState(WithTtl(new ValueStateDescriptor<long>("v")));
        restored.Select("new");
        _clock.Advance(TimeSpan.FromSeconds(3)); // 9 s after its write: still alive; the timestamp came with the snapshot

        Assert.Equal(["new"], keys);
        Assert.Equal(2, again.Value);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(again.TryGetValue(out _));
    }

    [Fact]
    public void Snapshot_WhenCleanupOnFullSnapshotIsOff_KeepsExpiredValuesInTheSnapshotButNeverReturnsThem()
    {
        var backend = NewBackend();
        var state = backend.GetState(WithTtl(new ValueStateDescriptor<long>("v"), fullSnapshot: false, incremental: 0));
        backend.Select("old");
        state.Update(1);
        _clock.Advance(Ttl);

        var restored = Restore(StateTestSupport.SnapshotBytes(backend));
        var keys = new List<string>();
        restored.ApplyToAllKeys("v", keys.Add);
        var again = restored.GetState(WithTtl(new ValueStateDescriptor<long>("v")));
        restored.Select("old");

        Assert.Equal(["old"], keys);
        Assert.False(again.TryGetValue(out _));
    }

    [Fact]
    public void Access_WhenCleanupIsIncremental_RemovesExpiredEntriesOfOtherKeys()
    {
        var backend = NewBackend();
        var state = backend.GetState(WithTtl(new ValueStateDescriptor<long>("v"), fullSnapshot: false, incremental: 5));
        for (var i = 0; i < 20; i++)
        {
            backend.Select($"k{i}");
            state.Update(i);
        }
        _clock.Advance(Ttl);
        backend.Select("fresh");
        state.Update(100);

        for (var i = 0; i < 10; i++) _ = state.TryGetValue(out _); // 10 accesses × 5 entries pass over every key

        var keys = new List<string>();
        backend.ApplyToAllKeys("v", keys.Add);
        Assert.Equal(["fresh"], keys);
    }

    [Fact]
    public void Restore_WhenTtlWasTurnedOffAcrossTheSnapshot_ReadsTheValuesWithoutTimestamps()
    {
        var backend = NewBackend();
        backend.Select("a");
        backend.GetState(WithTtl(new ValueStateDescriptor<long>("v"))).Update(7);
        backend.GetListState(WithTtl(new ListStateDescriptor<long>("l"))).AddAll([1, 2]);
        backend.GetMapState(WithTtl(new MapStateDescriptor<string, long>("m"))).Put("x", 3);
        backend.GetReducingState(WithTtl(new ReducingStateDescriptor<long>("r", (a, b) => a + b))).Add(4);
        var snapshot = StateTestSupport.SnapshotBytes(backend);

        var restored = Restore(snapshot);
        restored.Select("a");
        _clock.Advance(Ttl * 100);

        Assert.Equal(7, restored.GetState(new ValueStateDescriptor<long>("v")).Value);
        Assert.Equal([1L, 2], restored.GetListState(new ListStateDescriptor<long>("l")).Get());
        Assert.True(restored.GetMapState(new MapStateDescriptor<string, long>("m")).TryGetValue("x", out var x) && x == 3);
        Assert.True(restored.GetReducingState(new ReducingStateDescriptor<long>("r", (a, b) => a + b)).TryGet(out var r) && r == 4);
    }

    [Fact]
    public void Restore_WhenTtlWasTurnedOnAcrossTheSnapshot_GivesTheValuesTheRestoreTimeAsLastAccess()
    {
        var backend = NewBackend();
        backend.Select("a");
        backend.GetState(new ValueStateDescriptor<long>("v")).Update(7);
        backend.GetListState(new ListStateDescriptor<long>("l")).AddAll([1, 2]);
        backend.GetMapState(new MapStateDescriptor<string, long>("m")).Put("x", 3);
        var snapshot = StateTestSupport.SnapshotBytes(backend);
        _clock.Advance(Ttl * 100);

        var restored = NewBackend();
        var value = restored.GetState(WithTtl(new ValueStateDescriptor<long>("v"))); // the handle exists before the restore
        restored.Restore(new MemoryStream(snapshot), restored.KeyGroupRange);
        var list = restored.GetListState(WithTtl(new ListStateDescriptor<long>("l")));
        var map = restored.GetMapState(WithTtl(new MapStateDescriptor<string, long>("m")));
        restored.Select("a");

        Assert.Equal(7, value.Value);
        Assert.Equal([1L, 2], list.Get());
        Assert.True(map.Contains("x"));
        _clock.Advance(Ttl);
        Assert.False(value.TryGetValue(out _));
        Assert.Empty(list.Get());
        Assert.False(map.Contains("x"));
    }

    [Fact]
    public void GetState_WhenTheNameIsRegisteredWithoutTtl_RefusesItWithTtl()
    {
        var backend = NewBackend();
        backend.GetState(new ValueStateDescriptor<long>("v"));

        var e = Assert.Throws<InvalidOperationException>(() => backend.GetState(WithTtl(new ValueStateDescriptor<long>("v"))));

        Assert.Contains("with time to live", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void StateTtlConfig_WhenTheTtlIsNotPositive_Throws(int milliseconds) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new StateTtlConfig(TimeSpan.FromMilliseconds(milliseconds)));

    private sealed class CountAggregate : IAggregateFunction<long, long, long>
    {
        public long CreateAccumulator() => 0;

        public long Add(long value, long accumulator) => accumulator + 1;

        public long GetResult(long accumulator) => accumulator;
    }
}
