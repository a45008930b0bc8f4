using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.State;

public sealed class HeapKeyedStateBackendTests
{
    private readonly HeapKeyedStateBackend<long> _backend = CreateBackend<long>(0, 127);

    [Fact]
    public void ValueState_WhenKeyHasNoValue_ReturnsDescriptorDefault()
    {
        var state = _backend.GetState(new ValueStateDescriptor<long>("count", -1));
        _backend.Select(7L);

        Assert.Equal(-1, state.Value);
        Assert.False(state.TryGetValue(out var value));
        Assert.Equal(-1, value);
    }

    [Fact]
    public void ValueState_WhenTwoKeysUpdated_EachSeesOnlyItsOwnValue()
    {
        var state = _backend.GetState(new ValueStateDescriptor<long>("count"));
        _backend.Select(1L);
        state.Update(10);
        _backend.Select(2L);
        Assert.Equal(0, state.Value);
        state.Update(20);

        _backend.Select(1L);
        Assert.Equal(10, state.Value);
        _backend.Select(2L);
        Assert.True(state.TryGetValue(out var value));
        Assert.Equal(20, value);
    }

    [Fact]
    public void ValueState_WhenCleared_RemovesTheKey()
    {
        var state = _backend.GetState(new ValueStateDescriptor<long>("count", 5));
        _backend.Select(1L);
        state.Update(10);
        _backend.Select(2L);
        state.Update(20);

        _backend.Select(1L);
        state.Clear();

        Assert.Equal(5, state.Value);
        Assert.False(state.TryGetValue(out _));
        Assert.Equal([2L], KeysOf(_backend, "count"));
    }

    [Fact]
    public void ValueState_WhenUpdatedWithNull_ClearsTheKey()
    {
        var state = _backend.GetState(new ValueStateDescriptor<string?>("name", "none"));
        _backend.Select(1L);
        state.Update("a");
        state.Update(null);

        Assert.Equal("none", state.Value);
        Assert.Empty(KeysOf(_backend, "name"));
    }

    [Fact]
    public void ListState_WhenAddAndAddAll_AppendsInOrderPerKey()
    {
        var state = _backend.GetListState(new ListStateDescriptor<string>("events"));
        _backend.Select(1L);
        Assert.Empty(state.Get());
        state.Add("a");
        state.AddAll(["b", "c"]);
        _backend.Select(2L);
        state.AddAll(new[] { "x" }.Where(_ => true));

        Assert.Equal(["x"], state.Get());
        _backend.Select(1L);
        Assert.Equal(["a", "b", "c"], state.Get());
    }

    [Fact]
    public void ListState_WhenUpdated_ReplacesTheList()
    {
        var state = _backend.GetListState(new ListStateDescriptor<int>("numbers"));
        _backend.Select(1L);
        state.AddAll([1, 2, 3]);

        state.Update([9]);

        Assert.Equal([9], state.Get());
    }

    [Fact]
    public void ListState_WhenUpdatedWithEmptyOrCleared_StoresNoEntry()
    {
        var state = _backend.GetListState(new ListStateDescriptor<int>("numbers"));
        _backend.Select(1L);
        state.Add(1);
        _backend.Select(2L);
        state.Add(2);
        state.AddAll([]);

        _backend.Select(1L);
        state.Update([]);
        _backend.Select(2L);
        state.Clear();
        _backend.Select(3L);
        state.AddAll([]);

        Assert.Empty(state.Get());
        Assert.Empty(KeysOf(_backend, "numbers"));
    }

    [Fact]
    public void MapState_WhenPutRemoveContains_BehavesPerKey()
    {
        var state = _backend.GetMapState(new MapStateDescriptor<string, long>("totals"));
        _backend.Select(1L);
        Assert.True(state.IsEmpty);
        state.Put("a", 1);
        state.Put("b", 2);
        state.Put("a", 3);
        _backend.Select(2L);
        Assert.True(state.IsEmpty);
        Assert.False(state.Contains("a"));
        state.Put("z", 26);

        _backend.Select(1L);
        Assert.False(state.IsEmpty);
        Assert.True(state.Contains("a"));
        Assert.True(state.TryGetValue("a", out var a));
        Assert.Equal(3, a);
        Assert.False(state.TryGetValue("z", out _));
        Assert.Equal(new Dictionary<string, long> { ["a"] = 3, ["b"] = 2 }, state.Entries().ToDictionary());
        Assert.True(state.Remove("a"));
        Assert.False(state.Remove("a"));
        Assert.Equal(["b"], state.Entries().Select(e => e.Key));
    }

    [Fact]
    public void MapState_WhenLastEntryRemovedOrCleared_StoresNoEntry()
    {
        var state = _backend.GetMapState(new MapStateDescriptor<string, long>("totals"));
        _backend.Select(1L);
        state.Put("a", 1);
        _backend.Select(2L);
        state.Put("b", 2);

        _backend.Select(1L);
        state.Remove("a");
        _backend.Select(2L);
        state.Clear();

        Assert.True(state.IsEmpty);
        Assert.Empty(state.Entries());
        Assert.Empty(KeysOf(_backend, "totals"));
    }

    [Fact]
    public void ReducingState_WhenValuesAdded_FoldsThemPerKey()
    {
        var state = _backend.GetReducingState(new ReducingStateDescriptor<long>("max", Math.Max));
        _backend.Select(1L);
        Assert.False(state.TryGet(out _));
        state.Add(3);
        state.Add(9);
        state.Add(4);
        _backend.Select(2L);
        state.Add(-5);

        Assert.True(state.TryGet(out var two));
        Assert.Equal(-5, two);
        _backend.Select(1L);
        Assert.True(state.TryGet(out var one));
        Assert.Equal(9, one);
        state.Clear();
        Assert.False(state.TryGet(out _));
    }

    [Fact]
    public void AggregatingState_WhenValuesAdded_AggregatesThemPerKey()
    {
        var state = _backend.GetAggregatingState(new AggregatingStateDescriptor<long, (long, long), double>("mean", new AverageAggregate()));
        _backend.Select(1L);
        Assert.False(state.TryGet(out _));
        state.Add(1);
        state.Add(2);
        _backend.Select(2L);
        state.Add(10);

        Assert.True(state.TryGet(out var two));
        Assert.Equal(10.0, two);
        _backend.Select(1L);
        Assert.True(state.TryGet(out var one));
        Assert.Equal(1.5, one);
        state.Clear();
        Assert.False(state.TryGet(out _));
    }

    [Fact]
    public void GetState_WhenSameNameTwice_ReturnsSameHandle()
    {
        var first = _backend.GetState(new ValueStateDescriptor<long>("count"));
        var second = _backend.GetState(new ValueStateDescriptor<long>("count"));
        var list = _backend.GetListState(new ListStateDescriptor<long>("list"));

        Assert.Same(first, second);
        Assert.Same(list, _backend.GetListState(new ListStateDescriptor<long>("list")));
    }

    [Fact]
    public void GetState_WhenSameNameWithOtherType_ThrowsNamingTheState()
    {
        _backend.GetState(new ValueStateDescriptor<long>("count"));

        var error = Assert.Throws<InvalidOperationException>(() => _backend.GetState(new ValueStateDescriptor<string>("count")));

        Assert.Contains("'count'", error.Message);
        Assert.Contains("System.String", error.Message);
        Assert.Contains("System.Int64", error.Message);
    }

    [Fact]
    public void GetState_WhenSameNameWithOtherKind_ThrowsNamingTheState()
    {
        _backend.GetState(new ValueStateDescriptor<long>("count"));

        var list = Assert.Throws<InvalidOperationException>(() => _backend.GetListState(new ListStateDescriptor<long>("count")));
        var reducing = Assert.Throws<InvalidOperationException>(() => _backend.GetReducingState(new ReducingStateDescriptor<long>("count", (a, b) => a + b)));

        Assert.Contains("'count'", list.Message);
        Assert.Contains("ListState", list.Message);
        Assert.Contains("ReducingState", reducing.Message);
    }

    [Fact]
    public void GetAggregatingState_WhenSameAccumulatorButOtherOutput_Throws()
    {
        _backend.GetAggregatingState(new AggregatingStateDescriptor<long, (long, long), double>("mean", new AverageAggregate()));

        Assert.Throws<InvalidOperationException>(() =>
            _backend.GetAggregatingState(new AggregatingStateDescriptor<long, (long, long), long>("mean", new SumAggregate())));
    }

    [Fact]
    public void SetCurrentKey_WhenKeyGroupOutsideRange_ThrowsArgumentOutOfRange()
    {
        var backend = CreateBackend<long>(10, 20);

        Assert.Throws<ArgumentOutOfRangeException>(() => backend.SetCurrentKey(1, 9));
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.SetCurrentKey(1, 21));
        Assert.Throws<ArgumentOutOfRangeException>(() => backend.SetCurrentKey(1, -1));
        backend.SetCurrentKey(1, 20);
        Assert.Equal(1, backend.CurrentKey);
    }

    [Fact]
    public void State_WhenUsedBeforeSetCurrentKey_ThrowsInvalidOperation()
    {
        var state = _backend.GetState(new ValueStateDescriptor<long>("count"));

        var error = Assert.Throws<InvalidOperationException>(() => state.Value);

        Assert.Contains("'count'", error.Message);
        Assert.Throws<InvalidOperationException>(() => _backend.CurrentKey);
    }

    [Fact]
    public void ApplyToAllKeys_WhenStateHasKeys_VisitsEachKeyWithItCurrent()
    {
        var state = _backend.GetState(new ValueStateDescriptor<long>("count"));
        var other = _backend.GetState(new ValueStateDescriptor<long>("other"));
        for (var key = 0L; key < 100; key++)
        {
            _backend.Select(key);
            state.Update(key * 2);
        }
        _backend.Select(1000L);
        other.Update(1);

        var seen = new Dictionary<long, long>();
        _backend.ApplyToAllKeys("count", key =>
        {
            Assert.Equal(key, _backend.CurrentKey);
            seen[key] = state.Value;
        });

        Assert.Equal(100, seen.Count);
        Assert.All(seen, entry => Assert.Equal(entry.Key * 2, entry.Value));
        Assert.Equal(1000L, _backend.CurrentKey);
    }

    [Fact]
    public void ApplyToAllKeys_WhenActionClears_ClearsEveryKey()
    {
        var state = _backend.GetListState(new ListStateDescriptor<long>("buffer"));
        for (var key = 0L; key < 50; key++)
        {
            _backend.Select(key);
            state.Add(key);
        }

        var calls = 0;
        _backend.ApplyToAllKeys("buffer", _ =>
        {
            calls++;
            state.Clear();
        });

        Assert.Equal(50, calls);
        Assert.Empty(KeysOf(_backend, "buffer"));
    }

    [Fact]
    public void ApplyToAllKeys_WhenStateUnknown_DoesNotCall()
    {
        _backend.ApplyToAllKeys("missing", _ => Assert.Fail("no key expected"));
    }

    [Fact]
    public void ValueState_WhenKeysAreStrings_IsolatesKeys()
    {
        var backend = CreateBackend<string>(0, 127);
        var state = backend.GetState(new ValueStateDescriptor<string>("last", ""));
        backend.Select("alice");
        state.Update("a");
        backend.Select("bob");
        Assert.Equal("", state.Value);
        state.Update("b");

        backend.Select("alice");
        Assert.Equal("a", state.Value);
        Assert.Equal(["alice", "bob"], KeysOf(backend, "last"));
    }

    [Fact]
    public void ValueState_WhenReadingAndUpdatingExistingKeys_DoesNotAllocate()
    {
        var state = _backend.GetState(new ValueStateDescriptor<long>("count"));
        var keyGroups = new int[1000];
        for (var key = 0; key < keyGroups.Length; key++)
        {
            keyGroups[key] = KeyGroupOf((long)key);
            _backend.SetCurrentKey(key, keyGroups[key]);
            state.Update(key);
        }
        void Run()
        {
            for (var round = 0; round < 100; round++)
            {
                for (var key = 0; key < keyGroups.Length; key++)
                {
                    _backend.SetCurrentKey(key, keyGroups[key]);
                    state.Update(state.Value + 1);
                }
            }
        }
        Run();

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        _backend.SetCurrentKey(5, keyGroups[5]);
        Assert.Equal(205, state.Value);
    }

    private sealed class SumAggregate : IAggregateFunction<long, (long, long), long>
    {
        public (long, long) CreateAccumulator() => (0, 0);
        public (long, long) Add(long value, (long, long) accumulator) => (accumulator.Item1 + value, accumulator.Item2 + 1);
        public long GetResult((long, long) accumulator) => accumulator.Item1;
    }
}
