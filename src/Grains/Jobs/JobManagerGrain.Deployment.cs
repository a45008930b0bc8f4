using Microsoft.Extensions.Logging;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs.Deployment;
using OrleansFlow.Placement;
using OrleansFlow.Resources;
using OrleansFlow.Savepoints;
using OrleansFlow.Tasks;

namespace OrleansFlow.Jobs;

/// <summary>
/// Deployment of an attempt: the tasks are sent their deployments one-way and report back
/// (<see cref="TaskDeployed"/>, <see cref="TaskDeploymentFailed"/>), so a long restore never holds the job manager in
/// a call: it answers queries, cancels and silo losses meanwhile. Once the <see cref="PendingDeployment"/> settled,
/// <see cref="DeploymentSettled"/> starts the coordinator and the sources, or hands the failure to what the
/// deployment's kind decides.
/// </summary>
internal sealed partial class JobManagerGrain
{
    /// <summary>
    /// How long a submission waits for its tasks to report deployed before it answers (below the API's request timeout).
    /// A deployment that takes longer goes on after the submission was accepted; a failure then goes through the
    /// restart strategy.
    /// </summary>
    private static readonly TimeSpan SubmissionWait = TimeSpan.FromSeconds(5);

    private PendingDeployment? _deploying;
    private IGrainTimer? _deploymentTimer;
    private RescaleInFlight? _rescale; // the rescale whose deployment is pending

    /// <summary>A rescale whose redeployment is in flight: what its savepoint operation reports once it settled.</summary>
    private sealed record RescaleInFlight(int Attempt, string TriggerId, int Parallelism, long StoppedAt);

    public Task TaskDeployed(TaskId task, int attempt)
    {
        if (_deploying is { } pending && pending.Attempt == attempt && pending.Deployed(task)) ContinueAfterSettled(pending);
        return Task.CompletedTask;
    }

    public Task TaskDeploymentFailed(TaskId task, int attempt, string cause)
    {
        if (_deploying is { } pending && pending.Attempt == attempt && pending.Failed(task, $"task {Describe(task)}: {cause}")) ContinueAfterSettled(pending);
        return Task.CompletedTask;
    }

    public async Task DeploymentSettled(int attempt)
    {
        if (_deploying is { Outcome: not null } pending && pending.Attempt == attempt) await CompleteDeploymentAsync(pending);
    }

    /// <summary>Reports interleave: what follows a settled deployment runs in a turn of its own.</summary>
    private void ContinueAfterSettled(PendingDeployment pending) =>
        _ = this.AsReference<IJobManagerGrain>().DeploymentSettled(pending.Attempt);

    /// <summary>
    /// Sends every task of <paramref name="attempt"/> its deployment (restoring <paramref name="restore"/>) in the slots of
    /// <paramref name="allocation"/> (allocated here when null). Throws <see cref="SlotsUnavailableException"/> when the
    /// cluster has too few free slots or too little network memory: nothing was deployed.
    /// </summary>
    private async Task<PendingDeployment> StartDeploymentAsync(
        int attempt, DeploymentKind kind, RestorePlan? restore, RestoreInfo? restoredFrom, SlotAllocation? allocation = null)
    {
        allocation ??= await Slots.Allocate(JobId, SlotsNeeded(_graph!));
        if (!allocation.Granted)
        {
            _slots = null;
            throw new SlotsUnavailableException(allocation.Describe());
        }
        _slots = allocation.Silos; // held from here: the failure path releases them
        if (NetworkMemoryRefusal(_graph!, allocation.Silos) is { } memory) throw new SlotsUnavailableException(memory);
        _tasksMayRun = true;
        _attempt = attempt;
        _finished.Clear();
        _lastMetrics.Clear();
        _finalCommittables.Clear();
        var tasks = _graph!.AllTasks(JobId).ToList();
        var pending = new PendingDeployment(attempt, kind, tasks, allocation.Silos, restore, restoredFrom);
        _deploying = pending;
        _deploymentTimer?.Dispose();
        _deploymentTimer = this.RegisterGrainTimer(DeploymentTimedOutAsync, attempt, new GrainTimerCreationOptions(_options.DeploymentTimeout, Timeout.InfiniteTimeSpan));
        foreach (var t in tasks)
        {
            SlotPlacementHint.Set(t.ToGrainKey(), allocation.Silos[t.Subtask]); // slot i hosts subtask i of every vertex
            _ = TaskGrainOf(t).Deploy(new TaskDeployment(t, attempt, _spec!, restore is null ? null : TaskRestorePlanner.For(_graph, t, restore)));
        }
        SlotPlacementHint.Clear();
        if (pending.Outcome is not null) ContinueAfterSettled(pending);
        return pending;
    }

    private async Task DeploymentTimedOutAsync(int attempt, CancellationToken _)
    {
        if (_deploying is { } pending && pending.Attempt == attempt && pending.TimedOut(_options.DeploymentTimeout)) await CompleteDeploymentAsync(pending);
    }

    /// <summary>Drops the deployment in flight, if any (its tasks are being cancelled); later reports of it are ignored.</summary>
    private void DropDeployment()
    {
        _deploying = null;
        _rescale = null;
        _deploymentTimer?.Dispose();
        _deploymentTimer = null;
    }

    /// <summary>
    /// A settled deployment: on success the job runs (coordinator, then sources); on failure a rescale reports its failure
    /// and the restart strategy decides. A submission that still waits handles its own failure (see <see cref="Submit"/>).
    /// </summary>
    private async Task CompleteDeploymentAsync(PendingDeployment pending)
    {
        var outcome = pending.Outcome!;
        var rescale = _rescale is { } r && r.Attempt == pending.Attempt ? r : null;
        DropDeployment();
        if (!outcome.Succeeded)
        {
            if (rescale is not null) _savepoints.RescaleFailed(rescale.TriggerId, $"Restarting at parallelism {rescale.Parallelism} failed: {outcome.FailureCause}");
            _status = JobStatus.Running; // let the failure path decide (next restart or FAILED)
            await OnFailureAsync(rescale is null ? outcome.FailureCause! : $"Rescaling to parallelism {rescale.Parallelism} failed: {outcome.FailureCause}");
            return;
        }
        _status = JobStatus.Running;
        if (rescale is not null) _savepoints.Rescaled(rescale.TriggerId, timeProvider.GetElapsedTime(rescale.StoppedAt));
        await SaveAsync();
        var tasks = _graph!.AllTasks(JobId).ToList();
        var sources = _graph.Vertices.Where(v => v.IsSource).SelectMany(v => tasks.Where(t => t.Vertex == v.Index)).ToList();
        var restore = pending.Restore;
        await Coordinator.Start(new CheckpointCoordinatorStart
        {
            JobName = _spec!.JobName, Attempt = pending.Attempt, MaxParallelism = _spec.MaxParallelism, Settings = _spec.Checkpointing,
            Tasks = tasks, Sources = sources, Restored = restore is not null,
            LastCheckpointId = Math.Max(restore?.Metadata.CheckpointId ?? 0, _lastSkippedCheckpointId), // never reuse a skipped checkpoint's id
            RestoredFrom = pending.RestoredFrom,
        });
        await Task.WhenAll(sources.Select(t => TaskGrainOf(t).Start(pending.Attempt)));
    }

    /// <summary>
    /// Deploys a restart or a submission without savepoint; a refusal (slots, network memory) or a failure to send goes
    /// through the restart strategy. Returns the deployment in flight, or null.
    /// </summary>
    private async Task<PendingDeployment?> DeployAsync(int attempt, DeploymentKind kind, RestorePlan? restore = null, IReadOnlyList<string>? skipped = null, SlotAllocation? allocation = null)
    {
        try
        {
            return await StartDeploymentAsync(attempt, kind, restore, restore is null ? null : RestoreInfoOf(restore, skipped ?? []), allocation);
        }
        catch (SlotsUnavailableException e)
        {
            DropDeployment();
            _status = JobStatus.Running;
            await OnFailureAsync(e.Message);
        }
        catch (Exception e)
        {
            DropDeployment();
            _status = JobStatus.Running;
            await OnFailureAsync($"Deployment of attempt {attempt} failed: {e.GetType().Name}: {e.Message}");
        }
        return null;
    }

    /// <summary>Waits (a bounded time) for a submission's deployment: its outcome, or null while it still deploys (or was dropped meanwhile).</summary>
    private async Task<DeploymentOutcome?> AwaitSubmissionAsync(PendingDeployment pending)
    {
        try
        {
            await pending.Settled.WaitAsync(SubmissionWait);
        }
        catch (TimeoutException)
        {
            return null; // still deploying: DeploymentSettled continues once it settles
        }
        return _deploying == pending ? pending.Outcome : null; // null: dropped meanwhile (cancelled) or already completed
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: silo {Silo} left while attempt {Attempt} was deploying")]
    private partial void LogSiloLostWhileDeploying(string jobId, string silo, int attempt);
}
