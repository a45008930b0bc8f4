using Orleans.Concurrency;
namespace OrleansFlow.Tasks;

/// <summary>
/// A subtask: holds its input channels, operator chain, keyed state and output channels.
/// Protocol: the job manager calls <see cref="Deploy"/> on every task of an attempt (one-way; each task reports back),
/// once all reported deployed <see cref="Start"/>
/// (sources begin reading); upstream tasks call <see cref="Deliver"/> with stamped elements, awaiting them with a
/// bounded number in flight (backpressure). <see cref="Cancel"/> and <see cref="GetMetrics"/> interleave with work.
/// An activation that was not deployed refuses <see cref="Deliver"/> (throws) and reports itself lost (invariant 4).
/// </summary>
[Alias("OrleansFlow.ITaskGrain")]
public interface ITaskGrain : IGrainWithStringKey
{
    /// <summary>
    /// Deploys the task for an attempt: builds its chain, restores its state, opens operators. A newer attempt replaces
    /// an older one; the same attempt again only reports again. One-way, because a restore may take longer than a call
    /// may wait: the task reports <see cref="Jobs.IJobManagerGrain.TaskDeployed"/> or
    /// <see cref="Jobs.IJobManagerGrain.TaskDeploymentFailed"/>. An attempt cancelled while it restores is dropped unreported.
    /// </summary>
    [OneWay, Alias("Deploy")]
    Task Deploy(TaskDeployment deployment);

    /// <summary>Starts reading (sources); no effect on other tasks.</summary>
    [Alias("Start")]
    Task Start(int attempt);

    /// <summary>Delivers one channel element. Completes when it has been applied or buffered.</summary>
    [Alias("Deliver")]
    Task Deliver(ChannelBatch batch);

    /// <summary>Stops the task of <paramref name="attempt"/>: no more records are processed, unfinished output is discarded.</summary>
    [AlwaysInterleave, Alias("Cancel")]
    Task Cancel(int attempt);

    /// <summary>
    /// Whether this activation holds the deployment of <paramref name="attempt"/> and is still deployed or running. An
    /// activation created after the task's previous one was lost (its silo died) answers false (and deactivates).
    /// </summary>
    [AlwaysInterleave, ReadOnly, Alias("IsDeployed")]
    Task<bool> IsDeployed(int attempt);

    /// <summary>The task's counters.</summary>
    [AlwaysInterleave, ReadOnly, Alias("GetMetrics")]
    Task<TaskMetrics> GetMetrics();

    /// <summary>
    /// Checkpoint coordinator → source task of <paramref name="attempt"/>: record the source offset, emit barrier
    /// <paramref name="checkpointId"/> on every output and acknowledge (one-way) to the coordinator. A task that is not
    /// a running source of that attempt declines.
    /// </summary>
    [Alias("TriggerCheckpoint")]
    Task TriggerCheckpoint(int attempt, long checkpointId, Checkpointing.CheckpointOptions options);

    /// <summary>
    /// Checkpoint coordinator → every task of <paramref name="attempt"/>, after checkpoint <paramref name="checkpointId"/>'s
    /// metadata was written: exactly-once sinks commit their transactions up to it. One-way; a task of another attempt,
    /// or one that already finished, ignores it. A commit that fails fails the task (the restart commits again).
    /// </summary>
    [OneWay, Alias("NotifyCheckpointComplete")]
    Task NotifyCheckpointComplete(int attempt, long checkpointId);

    /// <summary>
    /// Coordinator → every task of <paramref name="attempt"/>: checkpoint <paramref name="checkpointId"/> was aborted (it
    /// timed out, a task declined or failed, or its metadata could not be written). A task still writing its state for
    /// it stops the write (the storage keeps nothing of it; the copy-on-write layers are released) and does not
    /// acknowledge it. One-way and idempotent; a task of another attempt, or not writing that checkpoint, ignores it.
    /// </summary>
    [OneWay, Alias("NotifyCheckpointAborted")]
    Task NotifyCheckpointAborted(int attempt, long checkpointId);

    /// <summary>
    /// Job manager → a source task of <paramref name="attempt"/> paused by a stop-with-savepoint barrier (drain), or a
    /// subtask without splits of a bounded source once its siblings with splits finished: ends its input now, so the job
    /// finishes through end of input. No effect on other tasks.
    /// </summary>
    [Alias("FinishSource")]
    Task FinishSource(int attempt);

    /// <summary>
    /// Downstream task <paramref name="receiver"/> → this (its upstream) task of <paramref name="attempt"/>: the receiver
    /// holds nothing more of the channel from this task on input edge <paramref name="inputEdge"/> up to barrier
    /// <paramref name="checkpointId"/> (its alignment completed, was given up or abandoned). The batches this task sent
    /// after that barrier stop counting in the channel's window. One-way and idempotent; another attempt ignores it.
    /// </summary>
    [OneWay, AlwaysInterleave, Alias("ReleaseHeld")]
    Task ReleaseHeld(int attempt, TaskId receiver, int inputEdge, long checkpointId);

    /// <summary>
    /// Internal: the task's processing-time wake-up, posted by its timer when the earliest processing-time timer of its
    /// keyed operators is due. Runs in turn with deliveries (not interleaved); a stale attempt's is ignored.
    /// </summary>
    [OneWay, Alias("FireProcessingTimers")]
    Task FireProcessingTimers(int attempt);

    /// <summary>Internal: the task's own continuation of its source loop.</summary>
    [OneWay, Alias("RunSlice")]
    Task RunSlice(int attempt);
}
