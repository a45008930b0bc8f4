using OrleansFlow.Channels;
using OrleansFlow.Network;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Channels;

public sealed class ChannelSenderTests
{
    private static readonly TaskId Target = new("job", 1, 0);

    [Fact]
    public void Send_WhenCalled_StampsAttemptEdgeSubtaskAndConsecutiveSequence()
    {
        var grain = new RecordingTaskGrain();
        var sender = new ChannelSender(grain, Target, attempt: 3, inputEdge: 1, sourceSubtask: 2, window: 4);

        sender.Send(EndOfInput.Instance);
        sender.Send(EndOfInput.Instance);

        Assert.Equal([0L, 1L], grain.Deliveries.Select(d => d.Batch.Sequence));
        Assert.All(grain.Deliveries, d => Assert.Equal((3, 1, 2), (d.Batch.Attempt, d.Batch.InputEdge, d.Batch.SourceSubtask)));
    }

    [Fact]
    public async Task WaitForCapacityAsync_WhenWindowFull_WaitsForTheOldestDelivery()
    {
        var grain = new RecordingTaskGrain();
        var sender = new ChannelSender(grain, Target, 1, 0, 0, window: 2);
        sender.Send(EndOfInput.Instance);
        sender.Send(EndOfInput.Instance);

        Assert.False(sender.HasCapacity);
        var wait = sender.WaitForCapacityAsync().AsTask();
        Assert.False(wait.IsCompleted);

        grain.Deliveries[0].Completion.SetResult();
        await wait;
        Assert.True(sender.HasCapacity);
    }

    [Fact]
    public async Task WaitForCapacityAsync_WhenDeliveryFailed_Throws()
    {
        var grain = new RecordingTaskGrain();
        var sender = new ChannelSender(grain, Target, 1, 0, 0, window: 1);
        sender.Send(EndOfInput.Instance);
        grain.Deliveries[0].Completion.SetException(new TaskNotDeployedException("gone"));

        await Assert.ThrowsAsync<TaskNotDeployedException>(() => sender.WaitForCapacityAsync().AsTask());
    }

    [Fact]
    public async Task DrainAsync_WhenDeliveriesInFlight_CompletesAfterAll()
    {
        var grain = new RecordingTaskGrain();
        var sender = new ChannelSender(grain, Target, 1, 0, 0, window: 8);
        for (var i = 0; i < 3; i++) sender.Send(EndOfInput.Instance);

        var drain = sender.DrainAsync();
        grain.Deliveries[0].Completion.SetResult();
        grain.Deliveries[2].Completion.SetResult();
        Assert.False(drain.IsCompleted);
        grain.Deliveries[1].Completion.SetResult();

        await drain;
    }
    private static RecordBatch<int> Records(int count) => new(new int[count], count);

    private static void CompleteAll(RecordingTaskGrain grain)
    {
        foreach (var (_, completion) in grain.Deliveries) completion.TrySetResult();
    }

    [Fact]
    public async Task HasCapacity_WhenRecordsSentAfterAnUnreleasedBarrierWereDelivered_StillCountsThemInTheWindow()
    {
        var grain = new RecordingTaskGrain();
        var sender = new ChannelSender(grain, Target, 1, 0, 0, window: 3);
        sender.Send(Records(4));
        sender.Send(new CheckpointBarrier(7));
        sender.Send(Records(4));
        sender.Send(Records(4));
        CompleteAll(grain);
        await sender.DrainAsync();

        Assert.Equal(2, sender.Held); // the batch before the barrier and the barrier itself are not held
        Assert.True(sender.HasCapacity);
        sender.Send(Records(4));
        grain.Deliveries[^1].Completion.SetResult();
        await sender.DrainAsync();

        Assert.Equal(3, sender.Held);
        Assert.False(sender.HasCapacity);
    }

    [Fact]
    public async Task WaitForCapacityAsync_WhenOnlyHeldBatchesFillTheWindow_CompletesWhenTheReceiverReleasesThem()
    {
        var grain = new RecordingTaskGrain { CompleteImmediately = true };
        var sender = new ChannelSender(grain, Target, 1, 0, 0, window: 2);
        sender.Send(new CheckpointBarrier(7));
        sender.Send(Records(1));
        sender.Send(Records(1));
        await sender.DrainAsync();

        var wait = sender.WaitForCapacityAsync().AsTask();
        Assert.False(wait.IsCompleted);
        sender.ReleaseHeld(6); // an older checkpoint releases nothing
        Assert.False(wait.IsCompleted);
        sender.ReleaseHeld(7);

        await wait;
        Assert.Equal(0, sender.Held);
    }

    [Fact]
    public async Task ReleaseHeld_WhenALaterBarrierIsUnreleased_KeepsWhatFollowsIt()
    {
        var grain = new RecordingTaskGrain { CompleteImmediately = true };
        var sender = new ChannelSender(grain, Target, 1, 0, 0, window: 8);
        sender.Send(new CheckpointBarrier(1));
        sender.Send(Records(1));
        sender.Send(new CheckpointBarrier(2));
        sender.Send(Records(1));
        sender.Send(Records(1));
        await sender.DrainAsync();
        Assert.Equal(3, sender.Held);

        sender.ReleaseHeld(1);
        Assert.Equal(2, sender.Held);
        sender.ReleaseHeld(2);
        Assert.Equal(0, sender.Held);
    }

    [Fact]
    public async Task ReleaseHeld_WhenBatchesWereHeld_ReturnsTheirNetworkMemory()
    {
        var pool = new NetworkBufferPool(10_000);
        var budget = new TaskBufferBudget(pool, "job/0/0");
        var grain = new RecordingTaskGrain { CompleteImmediately = true };
        var sender = new ChannelSender(grain, Target, 1, 0, 0, window: 8);
        sender.Send(new CheckpointBarrier(3));
        sender.Send(Records(1), budget.Lease(1000));
        sender.Send(Records(1), budget.Lease(1000));
        await sender.DrainAsync();
        Assert.Equal(2000, pool.Used);

        sender.ReleaseHeld(3);

        Assert.Equal(0, pool.Used);
    }

    [Fact]
    public async Task Stop_WhenBatchesAreHeld_ReturnsTheirMemoryAndHoldsNothingMore()
    {
        var pool = new NetworkBufferPool(10_000);
        var budget = new TaskBufferBudget(pool, "job/0/0");
        var grain = new RecordingTaskGrain { CompleteImmediately = true };
        var sender = new ChannelSender(grain, Target, 1, 0, 0, window: 1);
        sender.Send(new CheckpointBarrier(3));
        sender.Send(Records(1), budget.Lease(1000));
        await sender.DrainAsync();
        var wait = sender.WaitForCapacityAsync().AsTask();

        sender.Stop();
        sender.Send(Records(1), budget.Lease(1000));
        await sender.DrainAsync();

        await wait;
        Assert.Equal(0, sender.Held);
        Assert.Equal(0, pool.Used);
    }
}
