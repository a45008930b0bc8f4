using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Channels;

/// <summary>A unit-test stand-in for a receiving task: records deliveries and completes them when told to.</summary>
internal sealed class RecordingTaskGrain : ITaskGrain
{
    public List<(ChannelBatch Batch, TaskCompletionSource Completion)> Deliveries { get; } = [];

    public bool CompleteImmediately { get; set; }

    public Task Deliver(ChannelBatch batch)
    {
        var completion = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (CompleteImmediately) completion.SetResult();
        Deliveries.Add((batch, completion));
        return completion.Task;
    }

    public Task Deploy(TaskDeployment deployment) => throw new NotSupportedException();
    public Task Start(int attempt) => throw new NotSupportedException();
    public Task Cancel(int attempt) => throw new NotSupportedException();
    public Task<TaskMetrics> GetMetrics() => throw new NotSupportedException();
    public Task RunSlice(int attempt) => throw new NotSupportedException();
    public Task FireProcessingTimers(int attempt) => throw new NotSupportedException();
    public Task TriggerCheckpoint(int attempt, long checkpointId, OrleansFlow.Checkpointing.CheckpointOptions options) => throw new NotSupportedException();
    public Task NotifyCheckpointComplete(int attempt, long checkpointId) => throw new NotSupportedException();
    public Task NotifyCheckpointAborted(int attempt, long checkpointId) => throw new NotSupportedException();
    public Task<bool> IsDeployed(int attempt) => throw new NotSupportedException();
    public Task FinishSource(int attempt) => throw new NotSupportedException();
    public Task ReleaseHeld(int attempt, TaskId receiver, int inputEdge, long checkpointId) => Task.CompletedTask;
}
