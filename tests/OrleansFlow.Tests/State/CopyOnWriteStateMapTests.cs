using OrleansFlow.State;

namespace OrleansFlow.Tests.State;

/// <summary>The layers of <see cref="CopyOnWriteStateMap{TKey, TValue}"/>: what a freeze captures, what reads see, and how releases merge.</summary>
public sealed class CopyOnWriteStateMapTests
{
    private static CopyOnWriteStateMap<int, List<int>> NewMap(params int[] keys)
    {
        var map = new CopyOnWriteStateMap<int, List<int>>(() => new StateCopyPolicy<List<int>>(copyOnWrite: true, copyOnRead: false, list => [.. list]));
        foreach (var key in keys) map.Set(key, [key]);
        map.PrepareFreeze();
        return map;
    }

    private static Dictionary<int, string> Visible(IEnumerable<KeyValuePair<int, List<int>>> entries) =>
        entries.ToDictionary(e => e.Key, e => string.Join(",", e.Value));

    [Fact]
    public void Release_WhenOnlySnapshotReleased_MergesBackIntoOneDictionary()
    {
        var map = NewMap(1, 2, 3);
        var snapshot = map.Freeze();
        map.Set(4, [4]);
        map.Remove(1);
        Assert.Equal(1, map.FrozenLayerCount);

        map.Release(snapshot);

        Assert.Equal(0, map.FrozenLayerCount);
        Assert.Equal(new Dictionary<int, string> { [2] = "2", [3] = "3", [4] = "4" }, Visible(map.VisibleEntries()));
    }

    [Fact]
    public void Remove_WhenKeyIsInFrozenLayer_HidesItFromReadsButNotFromTheSnapshot()
    {
        var map = NewMap(1, 2);
        var snapshot = map.Freeze();

        Assert.True(map.Remove(1));
        Assert.False(map.Remove(1));
        Assert.False(map.TryGetValue(1, out _));
        Assert.False(map.Remove(9));
        Assert.True(snapshot.TryGetValue(1, out var frozen));
        Assert.Equal([1], frozen);
        map.Set(1, [10]); // a new value over the tombstone
        Assert.True(map.TryGetValue(1, out var again));
        Assert.Equal([10], again);
        Assert.Equal(new Dictionary<int, string> { [1] = "1", [2] = "2" }, Visible(snapshot.VisibleEntries()));
    }

    [Fact]
    public void GetValueRefOrAddDefault_WhenValueIsInFrozenLayer_ChangesACopy()
    {
        var map = NewMap(1);
        var snapshot = map.Freeze();

        ref var slot = ref map.GetValueRefOrAddDefault(1, out var exists);
        slot!.Add(2);
        ref var added = ref map.GetValueRefOrAddDefault(5, out var existed);

        Assert.True(exists);
        Assert.False(existed);
        Assert.Null(added);
        Assert.Equal([1], snapshot.Layers[0].Values[1]);
        Assert.True(map.TryGetValue(1, out var live));
        Assert.Equal([1, 2], live);
    }

    [Fact]
    public void Freeze_WhenNothingChangedSinceTheLastFreeze_SharesItsLayers()
    {
        var map = NewMap(1);
        var first = map.Freeze();
        var second = map.Freeze();

        Assert.Same(first.Layers, second.Layers);
        Assert.Equal(2, first.Layers[0].References);
        map.Release(first);
        Assert.Equal(1, map.FrozenLayerCount);
        map.Release(second);
        Assert.Equal(0, map.FrozenLayerCount);
    }

    [Fact]
    public void Release_WhenNewerReleasedFirst_MergesOnlyTheLayersNoSnapshotReads()
    {
        var map = NewMap(1, 2);
        var older = map.Freeze();
        map.Set(3, [3]);
        var newer = map.Freeze();
        map.Remove(2);
        Assert.Equal(2, map.FrozenLayerCount);

        map.Release(newer);

        Assert.Equal(1, map.FrozenLayerCount); // the delta under the top merged; the base is still read
        Assert.Equal(new Dictionary<int, string> { [1] = "1", [2] = "2" }, Visible(older.VisibleEntries()));
        map.Release(older);
        Assert.Equal(0, map.FrozenLayerCount);
        Assert.Equal(new Dictionary<int, string> { [1] = "1", [3] = "3" }, Visible(map.VisibleEntries()));
    }

    [Fact]
    public void Release_WhenMoreThanMaxFrozenLayersStayRead_CompactsTheDeltasAboveTheBase()
    {
        var map = NewMap(0);
        var snapshots = new Queue<(StateMapSnapshot<int, List<int>> Snapshot, Dictionary<int, string> Expected)>();
        for (var round = 1; round <= CopyOnWriteStateMap<int, List<int>>.MaxFrozenLayers + 1; round++)
        {
            snapshots.Enqueue((map.Freeze(), Visible(map.VisibleEntries())));
            map.Set(round, [round]);
            map.Remove(round - 1);
        }
        Assert.Equal(CopyOnWriteStateMap<int, List<int>>.MaxFrozenLayers + 1, map.FrozenLayerCount);

        var (oldest, _) = snapshots.Dequeue();
        map.Release(oldest);

        Assert.Equal(1, map.FrozenLayerCount); // only the base, still read by the others, stays frozen
        Assert.Equal(new Dictionary<int, string> { [5] = "5" }, Visible(map.VisibleEntries()));
        foreach (var (snapshot, expected) in snapshots) Assert.Equal(expected, Visible(snapshot.VisibleEntries()));
        while (snapshots.TryDequeue(out var entry)) map.Release(entry.Snapshot);
        Assert.Equal(0, map.FrozenLayerCount);
        Assert.Equal(new Dictionary<int, string> { [5] = "5" }, Visible(map.VisibleEntries()));
    }

    [Fact]
    public void Freeze_WhenMapIsEmpty_CapturesNothingAndKeepsOneDictionary()
    {
        var map = NewMap();
        var snapshot = map.Freeze();
        map.Set(1, [1]);

        Assert.Empty(snapshot.VisibleEntries());
        Assert.Equal(0, map.FrozenLayerCount);
        map.Release(snapshot);
        Assert.Equal(new Dictionary<int, string> { [1] = "1" }, Visible(map.VisibleEntries()));
    }
    [Fact]
    public void Freeze_AfterAReleaseMergedADelta_StartsFromAnEmptyDelta()
    {
        var map = NewMap(1, 2, 3);
        var first = map.Freeze();
        map.Set(4, [4]);
        map.Remove(2); // an entry and a tombstone in the delta that the release merges
        map.Release(first);
        map.Set(4, [40]); // one dictionary again: these change the base directly
        map.Set(2, [20]);

        var second = map.Freeze(); // its delta is the first one's, reused: nothing of the first round may show through
        var expected = new Dictionary<int, string> { [1] = "1", [2] = "20", [3] = "3", [4] = "40" };
        Assert.Equal(expected, Visible(map.VisibleEntries()));
        Assert.Equal(expected, Visible(second.VisibleEntries()));
        Assert.True(map.TryGetValue(2, out var two));
        Assert.Equal([20], two);
        map.Remove(4);
        map.Release(second);
        Assert.Equal(new Dictionary<int, string> { [1] = "1", [2] = "20", [3] = "3" }, Visible(map.VisibleEntries()));
    }

    [Fact]
    public void Freeze_WhenADeltaOfEveryKeyWasMergedBefore_AllocatesNoNewDelta()
    {
        const int keys = 100_000;
        var map = new CopyOnWriteStateMap<long, long>(() => StateCopyPolicy<long>.None);
        for (var k = 0L; k < keys; k++) map.Set(k, k);
        map.PrepareFreeze();
        long Cycle()
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var snapshot = map.Freeze();
            for (var k = 0L; k < keys; k++) map.GetValueRefOrAddDefault(k, out _) += 1; // every key lands in the delta
            map.Release(snapshot);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var first = Cycle(); // grows a delta as large as the map
        var second = Cycle(); // reuses it

        Assert.True(first > keys * 16L, $"The first cycle allocated only {first} bytes: the test no longer measures a growing delta.");
        Assert.True(second < 64 << 10, $"The second cycle allocated {second} bytes; its delta should be the first one's.");
        Assert.True(map.TryGetValue(keys - 1, out var last));
        Assert.Equal(keys - 1 + 2, last);
    }
}
