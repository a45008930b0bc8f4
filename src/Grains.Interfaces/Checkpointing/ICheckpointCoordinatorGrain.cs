using Orleans.Concurrency;
using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// The checkpoint coordinator of one job (key: job id). Protocol: the job manager calls <see cref="Start"/> after it
/// deployed an attempt; the coordinator then triggers checkpoints on its interval (or on <see cref="Trigger"/>) by
/// telling every source task; tasks answer with one-way <see cref="Acknowledge"/> or <see cref="Decline"/>, so a task
/// never waits on the coordinator. <see cref="Stop"/> aborts what is in progress (job cancelled, failed, restarting).
/// </summary>
[Alias("OrleansFlow.ICheckpointCoordinatorGrain")]
public interface ICheckpointCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>Starts coordinating <paramref name="start"/>'s attempt (replacing an older attempt).</summary>
    [Alias("Start")]
    Task Start(CheckpointCoordinatorStart start);

    /// <summary>Triggers a checkpoint now; returns its id, or null when as many as allowed are in progress or coordination is stopped.</summary>
    [Alias("Trigger")]
    Task<long?> Trigger();

    /// <summary>
    /// Triggers a savepoint into <paramref name="options"/>' target folder now, whatever the checkpoint settings say;
    /// returns its checkpoint id, or null when coordination is stopped (the job is not running). The coordinator
    /// reports the outcome to the job manager with <c>SavepointCompleted</c> or <c>SavepointFailed</c> (one-way).
    /// </summary>
    [Alias("TriggerSavepoint")]
    Task<long?> TriggerSavepoint(CheckpointOptions options);

    /// <summary>A task's acknowledgement of a checkpoint.</summary>
    [OneWay, Alias("Acknowledge")]
    Task Acknowledge(TaskCheckpointAck ack);

    /// <summary>
    /// A task could not take its part of checkpoint <paramref name="checkpointId"/>. When <paramref name="taskNotRunning"/>
    /// (the task is failing, cancelled or not deployed) the abort does not count against the tolerable failures: the
    /// task's own failure is what the job reacts to.
    /// </summary>
    [OneWay, Alias("Decline")]
    Task Decline(TaskId task, long checkpointId, bool taskNotRunning, string reason);

    /// <summary>
    /// A task gave up aligning the barriers of checkpoint <paramref name="checkpointId"/> because it held more records than
    /// <c>OrleansFlow:MaxAlignmentBufferedRecords</c>: the checkpoint fails (<see cref="CheckpointFailureReason.AlignmentLimitExceeded"/>)
    /// without counting against the tolerable failures; the job runs on and later checkpoints are tried as usual.
    /// </summary>
    [OneWay, Alias("DeclineAlignment")]
    Task DeclineAlignment(TaskId task, long checkpointId, string reason);

    /// <summary>Stops triggering and aborts checkpoints in progress.</summary>
    [Alias("Stop")]
    Task Stop();

    /// <summary>One checkpoint of the history with its tasks' acknowledgements; null when it is not in the history.</summary>
    [AlwaysInterleave, Alias("GetDetails")]
    Task<CheckpointDetails?> GetDetails(long checkpointId);

    /// <summary>The checkpoint statistics and history.</summary>
    [AlwaysInterleave, Alias("GetStats")]
    Task<CheckpointStats> GetStats();
}
