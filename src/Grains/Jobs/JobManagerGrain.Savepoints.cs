using OrleansFlow.Checkpointing;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Jobs;

/// <summary>
/// The job manager's savepoint operations: trigger (savepoint, cancel, stop, rescale), status, and what the job does
/// when the coordinator reports the savepoint completed or failed.
/// </summary>
internal sealed partial class JobManagerGrain
{
    public async Task<SavepointTriggerResult> TriggerSavepoint(SavepointRequest request)
    {
        if (_spec is null)
        {
            DeactivateOnIdle();
            return SavepointTriggerResult.Refused(SavepointRefusal.UnknownJob, $"Job {JobId} not found.");
        }
        if (_status != JobStatus.Running)
            return SavepointTriggerResult.Refused(SavepointRefusal.NotRunning, $"Job {JobId} is {_status.ToFlinkName()}: only a running job can take a savepoint.");
        if (_deploying is { } deploying)
            return SavepointTriggerResult.Refused(SavepointRefusal.NotRunning, $"Job {JobId} is deploying attempt {deploying.Attempt} ({deploying.Waiting.Count} of {deploying.TaskCount} tasks still restoring): try again once it runs.");
        if (request.Mode != SavepointMode.Savepoint && _savepoints.StopInProgress)
            return SavepointTriggerResult.Refused(SavepointRefusal.NotRunning, $"Job {JobId} is already stopping with a savepoint.");
        if (request.Drain && request.Mode != SavepointMode.StopWithSavepoint)
            return SavepointTriggerResult.Refused(SavepointRefusal.InvalidArgument, "drain applies to stopping a job only.");
        if (request.Mode == SavepointMode.Rescale && (request.Parallelism < 1 || request.Parallelism > _spec.MaxParallelism))
            return SavepointTriggerResult.Refused(SavepointRefusal.InvalidArgument, $"parallelism must be in [1, maxParallelism {_spec.MaxParallelism}], got {request.Parallelism}.");
        if (request.Mode == SavepointMode.Rescale)
        {
            var rescaled = graphFactory.Create(_spec with { Parallelism = request.Parallelism });
            var slots = await Slots.Check(JobId, SlotsNeeded(rescaled));
            if (!slots.Granted) return SavepointTriggerResult.Refused(SavepointRefusal.InsufficientSlots, $"Cannot rescale job {JobId} to parallelism {request.Parallelism}: {slots.Describe()}");
            if (NetworkMemoryRefusal(rescaled, slots.Silos) is { } memory)
                return SavepointTriggerResult.Refused(SavepointRefusal.InsufficientNetworkMemory, $"Cannot rescale job {JobId} to parallelism {request.Parallelism}: {memory}");
        }
        string folder;
        try
        {
            folder = SavepointFolders.New(request.TargetDirectory, JobId, storage.LocalRootDirectory);
        }
        catch (ArgumentException e)
        {
            return SavepointTriggerResult.Refused(SavepointRefusal.InvalidArgument, e.Message);
        }
        var stopping = request.Mode is SavepointMode.StopWithSavepoint or SavepointMode.Rescale;
        var triggeredAt = timeProvider.GetTimestamp();
        var checkpointId = await Coordinator.TriggerSavepoint(CheckpointOptions.Savepoint(folder, stopSources: stopping));
        if (checkpointId is null)
            return SavepointTriggerResult.Refused(SavepointRefusal.NotRunning, $"Job {JobId} is not running (its checkpoint coordinator is stopped).");
        var triggerId = Guid.NewGuid().ToString("N");
        _savepoints.Started(triggerId, checkpointId.Value, request.Mode, request.Drain, request.Mode == SavepointMode.Rescale ? request.Parallelism : null);
        if (request.Mode == SavepointMode.Rescale) _rescaleStarts[checkpointId.Value] = triggeredAt;
        LogSavepointTriggered(JobId, checkpointId.Value, request.Mode.ToString(), folder);
        await SaveAsync(); // the operation outlives this activation (the barrier is on its way meanwhile)
        return SavepointTriggerResult.Accepted(triggerId);
    }

    public Task<SavepointStatus?> GetSavepoint(string triggerId) => Task.FromResult(_savepoints.Get(triggerId));

    public async Task SavepointCompleted(int attempt, long checkpointId, string folder)
    {
        if (_savepoints.Completed(checkpointId, folder) is not { } done) return;
        LogSavepointCompleted(JobId, checkpointId, folder);
        if (attempt != _attempt || _status != JobStatus.Running) return;
        if (done.Status.Mode == SavepointMode.Savepoint) await SaveAsync(); // the other modes save as the job stops or redeploys
        switch (done.Status.Mode)
        {
            case SavepointMode.CancelWithSavepoint:
                await Cancel();
                break;
            case SavepointMode.StopWithSavepoint when done.Drain:
                await Task.WhenAll(_graph!.Vertices.Where(v => v.IsSource).SelectMany(v => _graph.AllTasks(JobId).Where(t => t.Vertex == v.Index))
                    .Select(t => TaskGrainOf(t).FinishSource(attempt))); // the input ends: the job finishes through end of input
                break;
            case SavepointMode.StopWithSavepoint:
                await StopAfterSavepointAsync(folder);
                break;
            case SavepointMode.Rescale:
                _rescaleStarts.Remove(checkpointId, out var stoppedAt);
                await RescaleAfterSavepointAsync(done.Status, folder, stoppedAt);
                break;
        }
    }

    /// <summary>
    /// Rescale: the savepoint is complete and the sources stopped at its barrier; the same job (same id) is redeployed
    /// at the new parallelism from the savepoint: each task reads its key groups, each source its splits, and sinks
    /// commit the savepoint's transactions on recovery. A failure to redeploy goes through the restart strategy.
    /// </summary>
    private async Task RescaleAfterSavepointAsync(SavepointStatus status, string folder, long stoppedAt)
    {
        var parallelism = status.Parallelism!.Value;
        try
        {
            await Coordinator.Stop();
            await CancelTasksAsync();
            var spec = _spec! with { Parallelism = parallelism, SavepointPath = folder };
            var graph = graphFactory.Create(spec);
            // The savepoint was written and checksummed moments ago: the new tasks verify what they read of it, section
            // by section, instead of the whole savepoint being read here first (a full extra read of the state).
            var plan = new RestorePlan(await checkpoints.ReadAndVerifyAsync(folder, StateFileVerification.ByRestoringTasks), folder);
            _spec = spec;
            _graph = graph;
            LogRescaling(JobId, parallelism, folder);
            var pending = await StartDeploymentAsync(_attempt + 1, Deployment.DeploymentKind.Rescale, plan, RestoreInfoOf(plan, []));
            _rescale = new RescaleInFlight(pending.Attempt, status.TriggerId, parallelism, stoppedAt); // reported once its tasks deployed
        }
        catch (Exception e)
        {
            DropDeployment();
            _savepoints.RescaleFailed(status.TriggerId, $"Restarting at parallelism {parallelism} failed: {e.GetType().Name}: {e.Message}");
            _status = JobStatus.Running;
            await OnFailureAsync($"Rescaling to parallelism {parallelism} failed: {e.GetType().Name}: {e.Message}");
        }
    }

    public async Task SavepointFailed(int attempt, long checkpointId, string cause)
    {
        if (_savepoints.Failed(checkpointId, cause) is not { } failed) return;
        LogSavepointFailed(JobId, checkpointId, cause);
        // The sources paused after a stop's barrier: restart from the latest checkpoint so the job runs on (as Flink does).
        if (failed.Status.Mode is SavepointMode.StopWithSavepoint or SavepointMode.Rescale && attempt == _attempt)
            await OnFailureAsync($"Stop with savepoint failed: {cause}");
        else
            await SaveAsync();
    }

    /// <summary>
    /// Stop with savepoint completed: the savepoint's sink transactions are committed (saved in <c>job.json</c> first,
    /// like the last transactions of a bounded job), the tasks are cancelled and the job is FINISHED.
    /// </summary>
    private async Task StopAfterSavepointAsync(string folder)
    {
        _status = JobStatus.Canceling; // no failure report may restart it now
        try
        {
            var metadata = await checkpoints.ReadAndVerifyAsync(folder, StateFileVerification.ByRestoringTasks); // only its committables are needed
            _finalCommittables.Clear();
            _finalCommittables.AddRange(metadata.Committables);
        }
        catch (Exception e)
        {
            LogFailing(JobId, $"reading the stop savepoint {folder} back failed: {e.Message}");
        }
        await Coordinator.Stop();
        await CancelTasksAsync();
        _status = JobStatus.Running;
        if (_finalCommittables.Count > 0)
        {
            await SaveAsync(_finalCommittables.ToList());
            if (!await CommitFinalAsync()) return;
        }
        await TerminateAsync(JobStatus.Finished);
    }
}
