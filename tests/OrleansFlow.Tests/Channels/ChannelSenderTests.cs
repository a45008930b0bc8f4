using OrleansFlow.Channels;
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
}
