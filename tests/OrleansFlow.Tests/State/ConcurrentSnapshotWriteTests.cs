using OrleansFlow.State;

namespace OrleansFlow.Tests.State;

/// <summary>
/// A snapshot written on a thread-pool thread while the owner keeps changing the state (and releases other
/// snapshots), interleaved by a handshake at each of the writer's stream writes: no sleeps, no timing assertions.
/// </summary>
public sealed class ConcurrentSnapshotWriteTests
{
    private const int Keys = 40_000; // several megabytes: the writer writes to its stream several times

    [Fact]
    public async Task WriteToAsync_WhenOwnerMutatesDuringTheWrite_WritesExactlyTheStateAtBegin()
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var atBegin = states.Dump();
        var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        var stream = new HandshakeStream();

        var write = Task.Run(() => snapshot.WriteToAsync(stream));
        states.MutateAll(0, Keys, round: 1); // while the writer groups the entries
        var round = 1;
        while (await Task.WhenAny(stream.WaitForWriteAsync(), write) != write)
        {
            stream.Proceed();
            states.MutateAll(0, Keys, ++round); // while the writer serializes the next part
            states.Fill(Keys + round, Keys + round + 1);
        }
        var info = await write;
        var live = states.Dump();
        snapshot.Dispose();

        Assert.True(stream.Handshakes >= 2, $"The writer wrote {stream.Handshakes} times.");
        Assert.Equal(stream.Length, info.TotalBytes);
        Assert.Equal(atBegin, AllStateKinds.Restore(stream.ToArray()).Dump());
        Assert.Equal(live, states.Dump());
        Assert.NotEqual(atBegin, live);
    }

    [Fact]
    public async Task WriteToAsync_WhenOwnerReleasesANewerSnapshotDuringTheWrite_WritesExactlyTheStateAtBegin()
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var atOlder = states.Dump();
        var older = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.MutateAll(0, Keys, round: 1);
        var atNewer = states.Dump();
        var newer = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.MutateAll(0, Keys, round: 2);
        var stream = new HandshakeStream();

        var write = Task.Run(() => older.WriteToAsync(stream));
        await stream.WaitForWriteAsync();
        stream.Proceed();
        using var newerBytes = new MemoryStream();
        await newer.WriteToAsync(newerBytes);
        newer.Dispose(); // merges the newer snapshot's own layer while the older one is being read
        var round = 2;
        do
        {
            states.MutateAll(0, Keys, ++round);
            if (await Task.WhenAny(stream.WaitForWriteAsync(), write) == write) break;
            stream.Proceed();
        }
        while (true);
        await write;
        var live = states.Dump();
        older.Dispose();

        Assert.Equal(atOlder, AllStateKinds.Restore(stream.ToArray()).Dump());
        Assert.Equal(atNewer, AllStateKinds.Restore(newerBytes.ToArray()).Dump());
        Assert.Equal(live, states.Dump());
        Assert.Equal(0, states.Backend.SnapshotsInFlight);
    }

    [Fact]
    public async Task Dispose_WhenWriteIsHeld_CancelsItAndReleasesOnceItStopped()
    {
        var (states, snapshot, live, write) = await HeldWriteAsync();

        snapshot.Dispose(); // the writer is held inside its stream: the release must wait

        Assert.Equal(1, states.Backend.SnapshotsInFlight);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        using var next = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange); // releases the stopped one first
        Assert.Equal(1, states.Backend.SnapshotsInFlight);
        Assert.Equal(live, states.Dump());
    }

    [Fact]
    public async Task Dispose_WhenCalledAgainAfterTheCancelledWriteStopped_ReleasesItAtOnce()
    {
        var (states, snapshot, live, write) = await HeldWriteAsync();
        snapshot.Dispose(); // an aborted checkpoint: cancel the held write
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        Assert.Equal(1, states.Backend.SnapshotsInFlight);

        snapshot.Dispose(); // as the task's own clean-up after the write ended

        Assert.Equal(0, states.Backend.SnapshotsInFlight);
        Assert.Equal(live, states.Dump());
    }

    /// <summary>A filled state, a snapshot of it, the state changed after (its dump), and the snapshot's write held in its stream.</summary>
    private static async Task<(AllStateKinds States, IKeyedStateSnapshot Snapshot, List<string> Live, Task Write)> HeldWriteAsync()
    {
        var states = new AllStateKinds();
        states.Fill(0, Keys);
        var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);
        states.MutateAll(0, Keys);
        var live = states.Dump();
        var stream = new HandshakeStream();
        var write = Task.Run(() => snapshot.WriteToAsync(stream));
        await stream.WaitForWriteAsync();
        return (states, snapshot, live, write);
    }
}
