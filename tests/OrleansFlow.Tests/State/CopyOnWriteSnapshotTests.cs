using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.State;

/// <summary>
/// The copy-on-write protocol of the heap backend on one thread: whatever happens to the state between
/// <c>BeginSnapshot</c> and the write, the snapshot holds the state as it was at <c>BeginSnapshot</c>, and the live
/// state keeps every change, before and after the snapshot is released.
/// </summary>
public sealed class CopyOnWriteSnapshotTests
{
    private const int Keys = 400;

    public static TheoryData<string> StateNames => [.. AllStateKinds.Names];

    [Theory]
    [MemberData(nameof(StateNames))]
    public async Task WriteToAsync_WhenStateChangedAfterBegin_WritesTheStateAtBegin(string name)
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var atBegin = states.Dump();

        var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.Mutate(name, 0, Keys);
        states.Mutate(name, 0, Keys, round: 2);
        states.Fill(Keys, Keys + 50); // new keys
        var changed = states.Dump();
        var bytes = await WriteAsync(snapshot);

        Assert.NotEqual(atBegin, changed);
        Assert.Equal(atBegin, AllStateKinds.Restore(bytes).Dump());
        Assert.Equal(changed, states.Dump());
        snapshot.Dispose();
        Assert.Equal(changed, states.Dump());
        Assert.Equal(changed, AllStateKinds.Restore(SnapshotBytes(states.Backend)).Dump());
    }

    [Fact]
    public async Task WriteToAsync_WhenEveryStateChangedAndReleased_LiveStateKeepsTheChanges()
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var atBegin = states.Dump();

        var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.MutateAll(0, Keys);
        var changed = states.Dump();
        var bytes = await WriteAsync(snapshot);
        snapshot.Dispose();
        states.MutateAll(0, Keys, round: 2); // after the merge: back on one dictionary per state
        var changedAgain = states.Dump();

        Assert.Equal(atBegin, AllStateKinds.Restore(bytes).Dump());
        Assert.NotEqual(changed, changedAgain);
        Assert.Equal(changedAgain, AllStateKinds.Restore(SnapshotBytes(states.Backend)).Dump());
        Assert.Equal(0, states.Backend.SnapshotsInFlight);
    }

    [Fact]
    public async Task WriteToAsync_WhenApplyToAllKeysClearsAfterBegin_WritesTheStateAtBegin()
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var atBegin = states.Dump();

        var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.Backend.ApplyToAllKeys("max", key =>
        {
            if (key % 3 == 0) states.Max.Clear();
        });
        states.Backend.ApplyToAllKeys("events", _ => states.Events.Clear());
        var bytes = await WriteAsync(snapshot);

        Assert.Equal(atBegin, AllStateKinds.Restore(bytes).Dump());
        Assert.Empty(KeysOf(states.Backend, "events"));
        Assert.Equal(Enumerable.Range(0, Keys).Where(k => k % 3 != 0).Select(k => (long)k), KeysOf(states.Backend, "max"));
        snapshot.Dispose();
        Assert.Empty(KeysOf(states.Backend, "events"));
        Assert.Equal(Keys - (Keys + 2) / 3, KeysOf(states.Backend, "max").Count);
    }

    [Fact]
    public async Task WriteToAsync_WhenRestoredIntoAfterBegin_WritesTheStateAtBegin()
    {
        var other = new AllStateKinds();
        other.Fill(Keys, 2 * Keys);
        var otherBytes = SnapshotBytes(other.Backend);
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var atBegin = states.Dump();

        var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.Backend.Restore(new MemoryStream(otherBytes), states.Backend.KeyGroupRange);
        var bytes = await WriteAsync(snapshot);
        snapshot.Dispose();

        Assert.Equal(atBegin, AllStateKinds.Restore(bytes).Dump());
        Assert.Equal(2 * Keys, KeysOf(states.Backend, "count").Count);
        Assert.Equal(atBegin.Concat(other.Dump()).Order(StringComparer.Ordinal), states.Dump());
    }

    [Fact]
    public async Task WriteToAsync_WhenRestoredStateIsRequestedAndChangedAfterBegin_WritesTheRestoredChunks()
    {
        var source = new AllStateKinds();
        source.Fill(0, Keys);
        var backend = CreateBackend<long>(0, AllStateKinds.MaxParallelism - 1, AllStateKinds.MaxParallelism);
        backend.Restore(new MemoryStream(SnapshotBytes(source.Backend)), backend.KeyGroupRange);

        var snapshot = backend.BeginSnapshot(backend.KeyGroupRange); // the states are still serialized chunks
        var states = new AllStateKinds(backend); // asking for the handles deserializes them
        states.MutateAll(0, Keys);
        backend.Restore(new MemoryStream(SnapshotBytes(source.Backend)), backend.KeyGroupRange);
        var bytes = await WriteAsync(snapshot);
        snapshot.Dispose();

        Assert.Equal(source.Dump(), AllStateKinds.Restore(bytes).Dump());
    }

    [Fact]
    public async Task WriteToAsync_WhenRangeIsPartOfTheBackend_WritesOnlyThoseKeyGroupsAtBegin()
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var range = new KeyGroupRange(10, 70);
        var expected = states.Dump().Where(line => InRange(line, range)).ToList();

        var snapshot = states.Backend.BeginSnapshot(range);
        states.MutateAll(0, Keys);
        var bytes = await WriteAsync(snapshot);
        snapshot.Dispose();

        Assert.Equal(range, snapshot.KeyGroupRange);
        Assert.Equal(expected, AllStateKinds.Restore(bytes).Dump());
    }

    [Fact]
    public async Task ValueState_WhenSnapshotReleased_ReadsAndUpdatesExistingKeysWithoutAllocating()
    {
        var backend = CreateBackend<long>(0, 127);
        var state = backend.GetState(new ValueStateDescriptor<long>("count"));
        var keyGroups = Enumerable.Range(0, 1000).Select(key => KeyGroupOf((long)key)).ToArray();
        void Run()
        {
            for (var key = 0; key < keyGroups.Length; key++)
            {
                backend.SetCurrentKey(key, keyGroups[key]);
                state.Update(state.Value + 1);
            }
        }
        Run();
        var snapshot = backend.BeginSnapshot(backend.KeyGroupRange);
        Run(); // through the layers: fills the delta
        await snapshot.WriteToAsync(Stream.Null);
        snapshot.Dispose(); // merges the delta back: one dictionary again, used directly by the handle

        var before = GC.GetAllocatedBytesForCurrentThread();
        Run();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        backend.SetCurrentKey(7, keyGroups[7]);
        Assert.Equal(3, state.Value);
    }

    [Fact]
    public void BeginSnapshot_WhenValuesCannotBeCopied_ThrowsAndFreezesNothing()
    {
        var states = new AllStateKinds();
        states.Fill(0, 10);
        var opaque = states.Backend.GetState(new ValueStateDescriptor<Opaque?>("opaque", null));
        states.Backend.Select(1L);
        opaque.Update(new Opaque());

        var error = Assert.Throws<InvalidOperationException>(() => states.Backend.BeginSnapshot(states.Backend.KeyGroupRange));

        Assert.Contains("'opaque'", error.Message);
        Assert.Equal(0, states.Backend.SnapshotsInFlight);
        var reference = new AllStateKinds();
        reference.Fill(0, 10);
        reference.MutateAll(0, 10);
        states.MutateAll(0, 10);
        Assert.Equal(reference.Dump(), states.Dump());
    }

    private static bool InRange(string line, KeyGroupRange range)
    {
        var key = long.Parse(line[(line.IndexOf('/') + 1)..line.IndexOf('=')]);
        return range.Contains(KeyGroupOf(key, AllStateKinds.MaxParallelism));
    }

    private static async Task<byte[]> WriteAsync(IKeyedStateSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        var info = await snapshot.WriteToAsync(stream);
        Assert.Equal(stream.Length, info.TotalBytes);
        return stream.ToArray();
    }

    /// <summary>A mutable type Orleans knows nothing about: it can be neither copied nor serialized.</summary>
    private sealed class Opaque
    {
        public int Value { get; set; }
    }
}
