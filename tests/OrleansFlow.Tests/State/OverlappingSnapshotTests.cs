using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.State;

/// <summary>Several snapshots in flight at once (checkpoints with max concurrency above 1), released in any order, or never written.</summary>
public sealed class OverlappingSnapshotTests
{
    private const int Keys = 300;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Dispose_WhenTwoOverlappingSnapshotsReleasedInEitherOrder_EachWroteItsStateAndLiveStateIsExact(bool newerFirst)
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var atFirst = states.Dump();
        var first = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.MutateAll(0, Keys);
        states.Fill(Keys, Keys + 20);
        var atSecond = states.Dump();
        var second = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.MutateAll(0, Keys + 20, round: 2);

        var (earlier, later) = newerFirst ? (second, first) : (first, second);
        var earlierBytes = await WriteAsync(earlier);
        earlier.Dispose();
        states.MutateAll(0, Keys + 20, round: 3); // between the two merges
        var laterBytes = await WriteAsync(later);
        var live = states.Dump();
        later.Dispose();

        Assert.Equal(newerFirst ? atSecond : atFirst, AllStateKinds.Restore(earlierBytes).Dump());
        Assert.Equal(newerFirst ? atFirst : atSecond, AllStateKinds.Restore(laterBytes).Dump());
        Assert.Equal(live, states.Dump());
        Assert.Equal(live, AllStateKinds.Restore(SnapshotBytes(states.Backend)).Dump());
        Assert.Equal(0, states.Backend.SnapshotsInFlight);
    }

    [Fact]
    public async Task Dispose_WhenManySnapshotsOverlapBackToBack_EachWroteItsStateAndLiveStateIsExact()
    {
        // Each snapshot is released after the next one began, so the oldest layer is never free: the deltas are compacted.
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var pending = new Queue<(IKeyedStateSnapshot Snapshot, List<string> Expected)>();
        for (var round = 1; round <= 3 * CopyOnWriteStateMap<long, long>.MaxFrozenLayers; round++)
        {
            pending.Enqueue((states.Backend.BeginSnapshot(states.Backend.KeyGroupRange), states.Dump()));
            states.MutateAll(0, Keys, round);
            states.Fill(Keys + round, Keys + round + 1);
            if (pending.Count < 2) continue;
            var (snapshot, expected) = pending.Dequeue();
            Assert.Equal(expected, AllStateKinds.Restore(await WriteAsync(snapshot)).Dump());
            snapshot.Dispose();
        }
        var live = states.Dump();
        var (last, lastExpected) = pending.Dequeue();
        Assert.Equal(lastExpected, AllStateKinds.Restore(await WriteAsync(last)).Dump());
        last.Dispose();

        Assert.Equal(live, states.Dump());
        Assert.Equal(live, AllStateKinds.Restore(SnapshotBytes(states.Backend)).Dump());
    }

    [Fact]
    public async Task Dispose_WhenSnapshotWasNeverWritten_ReleasesIt()
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.MutateAll(0, Keys);
        var live = states.Dump();

        snapshot.Dispose();
        snapshot.Dispose(); // idempotent

        Assert.Equal(0, states.Backend.SnapshotsInFlight);
        Assert.Equal(live, states.Dump());
        Assert.Equal(live, AllStateKinds.Restore(SnapshotBytes(states.Backend)).Dump());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => snapshot.WriteToAsync(new MemoryStream()));
    }

    [Fact]
    public async Task WriteToAsync_WhenCalledTwice_Throws()
    {
        var states = new AllStateKinds();
        states.Fill(0, 10);
        using var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);

        await WriteAsync(snapshot);

        await Assert.ThrowsAsync<InvalidOperationException>(() => snapshot.WriteToAsync(new MemoryStream()));
    }

    [Fact]
    public async Task Dispose_WhenBackendDisposedFirst_ForgetsTheSnapshotsAndTheirWritesStillComplete()
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var atBegin = states.Dump();
        var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.MutateAll(0, Keys);
        var live = states.Dump();

        states.Backend.Dispose();
        var bytes = await WriteAsync(snapshot);
        snapshot.Dispose();

        Assert.Equal(0, states.Backend.SnapshotsInFlight);
        Assert.Equal(atBegin, AllStateKinds.Restore(bytes).Dump());
        Assert.Equal(live, states.Dump());
        Assert.Throws<ObjectDisposedException>(() => states.Backend.BeginSnapshot(states.Backend.KeyGroupRange));
    }

    private static async Task<byte[]> WriteAsync(IKeyedStateSnapshot snapshot)
    {
        using var stream = new MemoryStream();
        await snapshot.WriteToAsync(stream);
        return stream.ToArray();
    }
}
