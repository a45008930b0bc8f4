using Orleans.Concurrency;
using OrleansFlow.Tasks;
namespace OrleansFlow.Jobs;

/// <summary>
/// One per job (key: job id), Flink's JobMaster. Protocol: <see cref="Submit"/> once (validates, deploys every task
/// for attempt 1, waits a bounded time for the tasks to report deployed, starts sources, returns); then <see cref="GetDetails"/> and <see cref="Cancel"/> at any time. Tasks
/// report to it through one-way calls only, so the job manager and its tasks never wait on each other.
/// </summary>
[Alias("OrleansFlow.IJobManagerGrain")]
public interface IJobManagerGrain : IGrainWithStringKey
{
    /// <summary>Validates and starts the job. A refused submission changes nothing.</summary>
    [Alias("Submit")]
    Task<SubmitResult> Submit(JobSpec spec);

    /// <summary>The job's status and counters; null when no job has this id.</summary>
    [Alias("GetDetails")]
    Task<JobDetails?> GetDetails();

    /// <summary>Cancels a running job; no effect on a terminal one. Returns the status after the call.</summary>
    [Alias("Cancel")]
    Task<JobStatus?> Cancel();

    /// <summary>
    /// Activates the job manager of a job found in storage: a job that was not terminal resumes from its latest complete
    /// checkpoint. Idempotent; silos call it for every stored job when they start.
    /// </summary>
    [Alias("Resume")]
    Task Resume();

    /// <summary>
    /// Takes a savepoint of the running job; with <see cref="Savepoints.SavepointMode.StopWithSavepoint"/> or
    /// <see cref="Savepoints.SavepointMode.CancelWithSavepoint"/> the job then ends. Returns a trigger id for
    /// <see cref="GetSavepoint"/>, or why nothing was started.
    /// </summary>
    [Alias("TriggerSavepoint")]
    Task<Savepoints.SavepointTriggerResult> TriggerSavepoint(Savepoints.SavepointRequest request);

    /// <summary>The status of a savepoint operation; null for an unknown trigger id.</summary>
    [AlwaysInterleave, ReadOnly, Alias("GetSavepoint")]
    Task<Savepoints.SavepointStatus?> GetSavepoint(string triggerId);

    /// <summary>The checkpoint coordinator → savepoint <paramref name="checkpointId"/> of <paramref name="attempt"/> completed in <paramref name="folder"/>.</summary>
    [OneWay, Alias("SavepointCompleted")]
    Task SavepointCompleted(int attempt, long checkpointId, string folder);

    /// <summary>The checkpoint coordinator → savepoint <paramref name="checkpointId"/> of <paramref name="attempt"/> failed (its files are deleted).</summary>
    [OneWay, Alias("SavepointFailed")]
    Task SavepointFailed(int attempt, long checkpointId, string cause);

    /// <summary>
    /// Cluster membership declared silo <paramref name="silo"/> dead: the job manager asks its running tasks whether
    /// they still hold their deployment and restarts the job if one was lost with the silo (also when the job is idle
    /// and no record would reveal the loss).
    /// </summary>
    [OneWay, Alias("SiloLost")]
    Task SiloLost(string silo);

    /// <summary>
    /// A task of <paramref name="attempt"/> ended after its input ended. <paramref name="committables"/> are its
    /// exactly-once sinks' uncommitted transactions (by sink uid), the last one sealed at end of input: the job manager
    /// commits them when every task finished.
    /// </summary>
    [OneWay, Alias("TaskFinished")]
    Task TaskFinished(TaskId task, int attempt, TaskMetrics metrics, IReadOnlyDictionary<string, IReadOnlyList<Api.SinkCommittable>> committables);

    /// <summary>
    /// A task of <paramref name="attempt"/> → deployed (state restored, operators opened). Interleaves: it only records
    /// the report, so a submission waiting for its deployment hears it; what follows runs in <see cref="DeploymentSettled"/>.
    /// </summary>
    [OneWay, AlwaysInterleave, Alias("TaskDeployed")]
    Task TaskDeployed(TaskId task, int attempt);

    /// <summary>A task of <paramref name="attempt"/> → it cannot deploy (<paramref name="cause"/>). Interleaves, as <see cref="TaskDeployed"/>.</summary>
    [OneWay, AlwaysInterleave, Alias("TaskDeploymentFailed")]
    Task TaskDeploymentFailed(TaskId task, int attempt, string cause);

    /// <summary>Internal: the job manager's own continuation once the deployment of <paramref name="attempt"/> settled.</summary>
    [OneWay, Alias("DeploymentSettled")]
    Task DeploymentSettled(int attempt);

    /// <summary>A task of <paramref name="attempt"/> failed (user code threw, or a send failed).</summary>
    [OneWay, Alias("TaskFailed")]
    Task TaskFailed(TaskId task, int attempt, string cause);

    /// <summary>
    /// An activation of <paramref name="task"/> received work of <paramref name="attempt"/> without having been
    /// deployed: its state was lost with a previous activation (invariant 4).
    /// </summary>
    [OneWay, Alias("TaskLost")]
    Task TaskLost(TaskId task, int attempt);

    /// <summary>
    /// The silo of each task slot the job holds (slot i hosts subtask i of every vertex), or null while it holds none.
    /// The slot manager asks when its activation is new; interleaves, so it never waits on a call of this job manager.
    /// </summary>
    [AlwaysInterleave, ReadOnly, Alias("GetSlotAllocation")]
    Task<IReadOnlyList<string>?> GetSlotAllocation();

    /// <summary>The checkpoint coordinator of <paramref name="attempt"/> saw more consecutive checkpoint failures than tolerated.</summary>
    [OneWay, Alias("CheckpointingFailed")]
    Task CheckpointingFailed(int attempt, string cause);
}
