using Microsoft.Extensions.Logging;
using OrleansFlow.Api;
using OrleansFlow.Api.Graph;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs.Deployment;
using OrleansFlow.Placement;
using OrleansFlow.Resources;
using OrleansFlow.Savepoints;
using OrleansFlow.Tasks;

namespace OrleansFlow.Jobs;

/// <summary>
/// The job manager of one job: validates the submission, deploys every task of an attempt, tracks task reports,
/// and moves the job through <see cref="JobStatus"/>. It never awaits a task that could be awaiting it: tasks report
/// with one-way calls, and task calls that it awaits (deploy, start, cancel, metrics) do not call back.
/// </summary>
[KeepAlive]
internal sealed partial class JobManagerGrain(
    JobGraphFactory graphFactory, CompletedCheckpointStore checkpoints, JobStore jobs, Storage.ICheckpointStorage storage, TimeProvider timeProvider,
    Microsoft.Extensions.Options.IOptions<Hosting.OrleansFlowOptions> options, ILogger<JobManagerGrain> logger)
    : Grain, IJobManagerGrain
{
    private readonly Dictionary<TaskId, TaskMetrics> _finished = [];

    /// <summary>
    /// How long <see cref="GetDetails"/> waits for a running task's metrics before it shows the last it had: a task in a
    /// long turn (a watermark that fires many windows) must not hold the job's details past the API's deadline.
    /// </summary>
    internal static readonly TimeSpan MetricsWait = TimeSpan.FromSeconds(2);

    private readonly Dictionary<TaskId, TaskMetrics> _lastMetrics = [];
    private readonly List<SinkCommittableMetadata> _finalCommittables = [];
    private readonly SavepointOperations _savepoints = new();
    private readonly Hosting.OrleansFlowOptions _options = options.Value;
    private readonly Dictionary<long, long> _rescaleStarts = []; // rescale savepoint id → timestamp of its trigger (the stop)
    private JobSpec? _spec;
    private JobGraph? _graph;
    private JobStatus _status = JobStatus.Created;
    private int _attempt;
    private string? _failureCause;
    private DateTimeOffset _startTime;
    private DateTimeOffset? _endTime;
    private int _restarts;
    private IGrainTimer? _restartTimer;
    private bool _restarting;
    private long _lastSkippedCheckpointId;
    private IReadOnlyList<string>? _slots; // the silo of each slot this job holds; null while it holds none
    private bool _tasksMayRun = true; // false once cancelled and until the next deployment (a fresh activation cannot know)

    private string JobId => this.GetPrimaryKeyString();

    /// <summary>Loads <c>job.json</c>: a job that was running when its previous job manager was lost resumes from its latest checkpoint.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        JobRecord? record;
        try
        {
            record = await jobs.LoadAsync(JobId, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            LogUnreadableJob(e, JobId);
            return;
        }
        if (record is null) return;
        _spec = record.Spec;
        _graph = TryCreateGraph(record.Spec, out var graphError);
        _status = record.Status;
        _attempt = record.Attempt;
        _restarts = record.Restarts;
        _failureCause = record.FailureCause;
        _startTime = record.StartTime;
        _endTime = record.EndTime;
        if (record.Savepoints is { } savepoints)
            _savepoints.Restore(savepoints, "The job manager was lost (its silo stopped or crashed) before the savepoint operation completed; the job resumes from its latest checkpoint.");
        if (!_status.IsTerminal() && record.FinalCommittables is { } final)
        {
            // Every task had finished; the crash came while the last transactions were being committed.
            LogResumingFinalCommit(JobId, final.Count);
            _finalCommittables.AddRange(final);
            _restartTimer = this.RegisterGrainTimer(CommitFinalOnActivationAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
        else if (!_status.IsTerminal())
        {
            if (graphError is not null) _failureCause = graphError;
            LogResuming(JobId, _status.ToFlinkName(), _attempt);
            _status = JobStatus.Restarting;
            _restartTimer = this.RegisterGrainTimer(RestartAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }

    public Task Resume()
    {
        EnsureRestartScheduled();
        return Task.CompletedTask;
    }

    private Task SaveAsync(IReadOnlyList<SinkCommittableMetadata>? finalCommittables = null) => jobs.SaveAsync(new JobRecord
    {
        JobId = JobId, Spec = _spec!, Status = _status, Attempt = _attempt, Restarts = _restarts, FailureCause = _failureCause,
        StartTime = _startTime, EndTime = _endTime, FinalCommittables = finalCommittables, Savepoints = _savepoints.Recent(PersistedSavepoints),
    });

    /// <summary>How many of the latest savepoint operations <c>job.json</c> keeps.</summary>
    private const int PersistedSavepoints = 20;

    public async Task<SubmitResult> Submit(JobSpec spec)
    {
        if (_spec is not null) return new SubmitResult(JobId, SubmitErrorKind.AlreadyExists, $"Job {JobId} exists already.");
        RestorePlan? initial = null;
        if (spec.SavepointPath is { } savepointPath)
        {
            try
            {
                var folder = SavepointCompatibility.FolderOf(savepointPath, storage.LocalRootDirectory);
                // Metadata and file sizes here; the tasks verify each section they read as they restore (a whole-file
                // check of a large savepoint would hold this call past any call timeout).
                var metadata = await checkpoints.ReadAndVerifyAsync(folder, StateFileVerification.ByRestoringTasks);
                spec = spec with { SavepointPath = folder }; // a storage path from here on (an absolute path inside the root made relative)
                if (spec.MaxParallelism == 0) spec = spec with { MaxParallelism = metadata.MaxParallelism }; // adopt the savepoint's
                initial = new RestorePlan(metadata, folder);
            }
            catch (Exception e) when (e is ArgumentException or InvalidDataException)
            {
                return new SubmitResult(JobId, SubmitErrorKind.InvalidArgument, e is InvalidDataException ? $"Savepoint '{savepointPath}' cannot be restored: {e.Message}" : e.Message);
            }
        }
        JobGraph graph;
        try
        {
            graph = graphFactory.Create(spec);
        }
        catch (UnknownJobException e)
        {
            return new SubmitResult(JobId, SubmitErrorKind.UnknownJob, e.Message);
        }
        catch (ArgumentException e)
        {
            return new SubmitResult(JobId, SubmitErrorKind.InvalidArgument, e.Message);
        }

        if (initial is not null && SavepointCompatibility.Check(initial.Metadata, graph, spec, spec.SavepointPath!) is { } incompatible)
            return new SubmitResult(JobId, SubmitErrorKind.InvalidArgument, incompatible);
        var slots = await Slots.Allocate(JobId, SlotsNeeded(graph));
        if (!slots.Granted)
        {
            DeactivateOnIdle();
            return new SubmitResult(JobId, SubmitErrorKind.InsufficientSlots, slots.Describe());
        }
        if (NetworkMemoryRefusal(graph, slots.Silos) is { } memory)
        {
            await Slots.Release(JobId);
            DeactivateOnIdle();
            return new SubmitResult(JobId, SubmitErrorKind.InsufficientNetworkMemory, memory);
        }
        _slots = slots.Silos;

        _spec = spec;
        _graph = graph;
        _startTime = timeProvider.GetUtcNow();
        _status = JobStatus.Created;
        await SaveAsync();
        LogSubmitted(JobId, spec.JobName, spec.Parallelism, spec.MaxParallelism);
        if (initial is null)
        {
            await GrainFactory.GetGrain<IJobDirectoryGrain>(0).Add(JobId);
            if (await DeployAsync(1, DeploymentKind.Submission, allocation: slots) is { } deploying && await AwaitSubmissionAsync(deploying) is not null)
                await CompleteDeploymentAsync(deploying);
            return new SubmitResult(JobId, SubmitErrorKind.None, null);
        }
        string? refusal;
        try
        {
            var pending = await StartDeploymentAsync(1, DeploymentKind.SubmissionFromSavepoint, initial, RestoreInfoOf(initial, []), slots);
            var outcome = await AwaitSubmissionAsync(pending);
            refusal = outcome?.FailureCause;
            if (outcome is { Succeeded: true }) await CompleteDeploymentAsync(pending);
        }
        catch (Exception e)
        {
            refusal = e.Message;
        }
        if (refusal is not null)
        {
            // The savepoint's state does not fit the job (e.g. a state type that cannot be read): refuse; nothing stays.
            await RollBackSubmissionAsync();
            return new SubmitResult(JobId, SubmitErrorKind.InvalidArgument, $"Savepoint '{spec.SavepointPath}' cannot be restored into this job: {refusal}");
        }
        await GrainFactory.GetGrain<IJobDirectoryGrain>(0).Add(JobId);
        return new SubmitResult(JobId, SubmitErrorKind.None, null);
    }

    /// <summary>Undoes a submission whose first deployment failed: tasks cancelled, coordinator stopped, <c>job.json</c> deleted.</summary>
    private async Task RollBackSubmissionAsync()
    {
        await Coordinator.Stop();
        await CancelTasksAsync();
        await ReleaseSlotsAsync();
        try
        {
            await jobs.DeleteAsync(JobId);
        }
        catch (Exception e)
        {
            LogUnreadableJob(e, JobId);
        }
        _spec = null;
        _graph = null;
        _status = JobStatus.Created;
        _attempt = 0;
        DeactivateOnIdle();
    }

    public async Task<JobDetails?> GetDetails()
    {
        EnsureRestartScheduled();
        if (_spec is null)
        {
            DeactivateOnIdle(); // no such job: do not keep an empty activation alive
            return null;
        }
        var metrics = new Dictionary<TaskId, TaskMetrics>(_finished);
        if (_status is JobStatus.Running && _graph is not null)
        {
            var running = _graph.AllTasks(JobId).Where(t => !metrics.ContainsKey(t)).ToList();
            var answers = await Task.WhenAll(running.Select(async t =>
            {
                try { return (t, Fresh: true, await TaskGrainOf(t).GetMetrics().WaitAsync(MetricsWait)); }
                catch (TimeoutException) { return (t, Fresh: false, _lastMetrics.GetValueOrDefault(t)); } // busy: its last answer
                catch (Exception) { return (t, Fresh: false, default(TaskMetrics)); }
            }));
            foreach (var (t, fresh, m) in answers)
            {
                metrics[t] = m;
                if (fresh) _lastMetrics[t] = m;
            }
        }

        var vertices = (_graph?.Vertices ?? []).Select(v =>
        {
            var tasks = metrics.Where(kv => kv.Key.Vertex == v.Index).OrderBy(kv => kv.Key.Subtask).ToList();
            return new VertexDetails
            {
                Uid = v.Uid,
                Operators = v.Chain.Select(t => t.Uid).ToList(),
                Parallelism = v.Parallelism,
                RecordsIn = tasks.Sum(t => t.Value.RecordsIn),
                RecordsOut = tasks.Sum(t => t.Value.RecordsOut),
                InputWatermark = tasks.Count == 0 ? long.MinValue : tasks.Min(t => t.Value.InputWatermark),
                LateRecordsDropped = tasks.Sum(t => t.Value.LateRecordsDropped),
                Subtasks = tasks.Select(t => new SubtaskDetails(t.Key.Subtask, t.Value.Host, t.Value.RecordsIn, t.Value.RecordsOut, t.Value.InputWatermark, t.Value.LateRecordsDropped)).ToList(),
            };
        }).ToList();
        return new JobDetails
        {
            JobId = JobId,
            Name = _spec.JobName,
            Status = _status,
            Attempt = _attempt,
            Vertices = vertices,
            FailureCause = _failureCause,
            Spec = _spec,
            StartTime = _startTime,
            EndTime = _endTime,
            ManagerHost = RuntimeIdentity,
        };
    }

    public async Task<JobStatus?> Cancel()
    {
        if (_spec is null)
        {
            DeactivateOnIdle();
            return null;
        }
        if (_status.IsTerminal() || _status == JobStatus.Canceling) return _status;
        _status = JobStatus.Canceling;
        _restartTimer?.Dispose();
        _restartTimer = null;
        LogCanceling(JobId);
        await CancelTasksAsync();
        await TerminateAsync(JobStatus.Canceled);
        return _status;
    }

    public async Task TaskFinished(TaskId task, int attempt, TaskMetrics metrics, IReadOnlyDictionary<string, IReadOnlyList<SinkCommittable>> committables)
    {
        if (attempt != _attempt || _status != JobStatus.Running || _graph is null || !_finished.TryAdd(task, metrics)) return;
        foreach (var (uid, list) in committables)
            _finalCommittables.AddRange(list.Select(c => new SinkCommittableMetadata(uid, c.Subtask, c.CheckpointId, c.Payload)));
        if (_finished.Count == 1) _ = Coordinator.Stop(); // no checkpoint can complete once a task has ended
        if (_finished.Count < _graph.AllTasks(JobId).Count())
        {
            EndSourceSubtasksWithoutSplits(task);
            return;
        }
        if (_finalCommittables.Count > 0)
        {
            await SaveAsync(_finalCommittables.ToList()); // durable before the first commit: a crash from here on commits again
            if (!await CommitFinalAsync()) return;
        }
        await TerminateAsync(JobStatus.Finished);
    }

    /// <summary>
    /// When <paramref name="finished"/> was the last subtask with splits of a bounded source to finish, ends that source's
    /// subtasks without splits (they idle until then, so that they do not stop checkpoints while their siblings read).
    /// </summary>
    private void EndSourceSubtasksWithoutSplits(TaskId finished)
    {
        var vertex = _graph!.Vertices[finished.Vertex];
        if (vertex.Chain[0] is not Api.Graph.ISourceTransformation { IsBounded: true } source) return;
        var subtasks = Enumerable.Range(0, vertex.Parallelism)
            .Select(s => (Task: new TaskId(JobId, vertex.Index, s), HasSplits: Api.SourceSplitAssignment.SplitsOf(source.SplitCount, vertex.Parallelism, s).Count > 0))
            .ToList();
        if (subtasks.Any(s => s.HasSplits && !_finished.ContainsKey(s.Task))) return;
        foreach (var (idle, _) in subtasks.Where(s => !s.HasSplits && !_finished.ContainsKey(s.Task))) _ = TaskGrainOf(idle).FinishSource(_attempt);
    }

    public async Task SiloLost(string silo)
    {
        if (_deploying is { } deploying)
        {
            if (!deploying.SiloLost(silo)) return; // none of its slots was there; its tasks report once deployed
            LogSiloLostWhileDeploying(JobId, silo, deploying.Attempt);
            await CompleteDeploymentAsync(deploying);
            return;
        }
        if (_status != JobStatus.Running || _graph is null) return;
        var attempt = _attempt;
        var running = _graph.AllTasks(JobId).Where(t => !_finished.ContainsKey(t)).ToList();
        var answers = await Task.WhenAll(running.Select(async t =>
        {
            try { return (Task: t, Deployed: await TaskGrainOf(t).IsDeployed(attempt)); }
            catch (Exception) { return (Task: t, Deployed: false); }
        }));
        var lost = answers.Where(a => !a.Deployed).Select(a => Describe(a.Task)).ToList();
        if (lost.Count == 0 || attempt != _attempt) return;
        LogSiloLost(JobId, silo, lost.Count);
        await OnFailureAsync($"Silo {silo} left the cluster and took tasks {string.Join(", ", lost)} with it.");
    }

    public Task TaskFailed(TaskId task, int attempt, string cause)
    {
        if (attempt != _attempt) return Task.CompletedTask;
        return OnFailureAsync($"Task {Describe(task)} failed: {cause}");
    }

    public Task CheckpointingFailed(int attempt, string cause) =>
        attempt == _attempt ? OnFailureAsync(cause) : Task.CompletedTask;

    public Task TaskLost(TaskId task, int attempt) => attempt < _attempt
        ? Task.CompletedTask // a message of an older attempt reached a fresh activation: nothing of the current attempt is lost
        : OnFailureAsync($"Task {Describe(task)} lost its state: its activation was recreated without a deployment (silo lost or grain deactivated).");

    /// <summary>A task failed: restart from the latest complete checkpoint if the restart strategy allows, else fail the job.</summary>
    private async Task OnFailureAsync(string cause)
    {
        if (_spec is null || _status is not (JobStatus.Running or JobStatus.Created)) return;
        _failureCause = cause;
        var delay = _spec.RestartStrategy.DelayBeforeRestart(_restarts + 1);
        if (delay is null)
        {
            await FailAsync(cause);
            return;
        }
        _status = JobStatus.Restarting;
        _savepoints.FailAll($"The job restarted before the savepoint completed: {cause}");
        LogRestarting(JobId, _restarts + 1, delay.Value.TotalMilliseconds, cause);
        await SaveAsync();
        await Coordinator.Stop();
        await CancelTasksAsync();
        await ReleaseSlotsAsync(); // a restart asks for slots again, and may be placed elsewhere
        _restartTimer = this.RegisterGrainTimer(RestartAsync, new GrainTimerCreationOptions(delay.Value, Timeout.InfiniteTimeSpan));
    }

    private async Task RestartAsync(CancellationToken _)
    {
        var timer = _restartTimer;
        _restartTimer = null;
        _restarting = true;
        try
        {
            if (_status != JobStatus.Restarting) return;
            _restarts++;
            if (_graph is null)
            {
                _graph = TryCreateGraph(_spec!, out var graphError);
                if (_graph is null)
                {
                    _status = JobStatus.Running; // let the failure path decide again (next restart or FAILED)
                    await OnFailureAsync(graphError!);
                    return;
                }
            }
            RestoreSearchResult found;
            try
            {
                found = await checkpoints.FindLatestRestorableAsync(JobId);
            }
            catch (Exception e)
            {
                _status = JobStatus.Running; // let the failure path decide again (next restart or FAILED)
                await OnFailureAsync($"Finding a checkpoint to restore failed: {e.GetType().Name}: {e.Message}");
                return;
            }
            var skipped = found.Skipped.Select(s => $"chk-{s.CheckpointId}: {s.Reason}").ToList();
            _lastSkippedCheckpointId = found.Skipped.Select(s => s.CheckpointId).DefaultIfEmpty(0).Max();
            var plan = found.Plan;
            if (_spec!.SavepointPath is { } savepointPath) // started (or rescaled) from a savepoint: newer than any older checkpoint of the job
            {
                var folder = SavepointCompatibility.FolderOf(savepointPath, storage.LocalRootDirectory);
                try
                {
                    var savepoint = await checkpoints.ReadAndVerifyAsync(folder);
                    if (plan is null || savepoint.CheckpointId > plan.Metadata.CheckpointId) plan = new RestorePlan(savepoint, folder);
                }
                catch (InvalidDataException e)
                {
                    skipped.Add($"savepoint {savepointPath}: {e.Message}");
                    LogFailing(JobId, $"its savepoint {savepointPath} cannot be restored ({e.Message}); {(plan is null ? "no checkpoint either" : $"restoring checkpoint {plan.Metadata.CheckpointId}")}");
                    if (plan is null)
                    {
                        await FailAsync($"Neither the savepoint {savepointPath} nor a checkpoint can be restored: {e.Message}");
                        return;
                    }
                }
            }
            await DeployAsync(_attempt + 1, DeploymentKind.Restart, plan, skipped);
        }
        finally
        {
            _restarting = false;
            timer?.Dispose(); // a one-shot timer, disposed only after its callback ran to the end
        }
    }

    /// <summary>A restarting job whose restart timer is gone (its activation was replaced) schedules the restart again.</summary>
    private void EnsureRestartScheduled()
    {
        if (_status == JobStatus.Restarting && _restartTimer is null && !_restarting && _deploying is null)
            _restartTimer = this.RegisterGrainTimer(RestartAsync, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));
    }

    private RestoreInfo RestoreInfoOf(RestorePlan restore, IReadOnlyList<string> skipped) => new()
    {
        CheckpointId = restore.Metadata.CheckpointId, Path = $"{restore.MetadataFolder}/_metadata",
        RestoreTime = timeProvider.GetUtcNow(), Skipped = skipped,
    };

    private async Task FailAsync(string cause)
    {
        if (_spec is null || _status.IsTerminal() || _status is JobStatus.Failing or JobStatus.Canceling) return;
        _status = JobStatus.Failing;
        _failureCause = cause;
        LogFailing(JobId, cause);
        await CancelTasksAsync();
        await TerminateAsync(JobStatus.Failed);
    }

    private async Task CancelTasksAsync()
    {
        DropDeployment(); // a deployment in flight is cancelled with its tasks
        if (_graph is null || !_tasksMayRun) return; // nothing deployed since the last cancel (e.g. a restart refused slots)
        await Task.WhenAll(_graph.AllTasks(JobId).Select(async t =>
        {
            try { await TaskGrainOf(t).Cancel(_attempt); }
            catch (Exception e) { LogCancelTaskFailed(e, t); }
        }));
        _tasksMayRun = false;
    }

    private async Task TerminateAsync(JobStatus status)
    {
        _savepoints.FailAll($"The job ended ({status.ToFlinkName()}) before the savepoint completed.");
        _ = Coordinator.Stop();
        await ReleaseSlotsAsync();
        _status = status;
        _endTime = timeProvider.GetUtcNow();
        LogTerminal(JobId, status.ToFlinkName());
        await SaveAsync();
        try
        {
            await GrainFactory.GetGrain<IJobDirectoryGrain>(0).Ended(JobId); // a silo loss no longer concerns it
        }
        catch (Exception e)
        {
            LogDirectoryFailed(e, JobId); // the directory reads the status from job.json when it is activated again
        }
    }

    private const int FinalCommitAttempts = 3;

    public Task<IReadOnlyList<string>?> GetSlotAllocation() => Task.FromResult(_slots);

    /// <summary>Slot sharing: slot i hosts subtask i of every vertex, so the job needs its largest vertex parallelism.</summary>
    /// <summary>Why <paramref name="graph"/> cannot run in <paramref name="slotSilos"/> for lack of network memory, or null.</summary>
    private string? NetworkMemoryRefusal(JobGraph graph, IReadOnlyList<string> slotSilos) =>
        Network.NetworkMemoryRequirement.Refusal(graph, slotSilos, _options.BatchSize, _options.NetworkMemory);

    private static int SlotsNeeded(JobGraph graph) => graph.Vertices.Max(v => v.Parallelism);

    private async Task ReleaseSlotsAsync()
    {
        if (_slots is null) return;
        _slots = null;
        try
        {
            await Slots.Release(JobId);
        }
        catch (Exception e)
        {
            LogSlotReleaseFailed(e, JobId); // a fresh slot manager learns from the job managers what they hold
        }
    }

    /// <summary>The job's graph, or null with the reason when this silo cannot build it (its code or arguments changed).</summary>
    private JobGraph? TryCreateGraph(JobSpec spec, out string? error)
    {
        try
        {
            error = null;
            return graphFactory.Create(spec);
        }
        catch (Exception e)
        {
            error = $"The job's graph cannot be built on this silo: {e.GetType().Name}: {e.Message}";
            LogFailing(JobId, error);
            return null;
        }
    }

    private ISlotManagerGrain Slots => GrainFactory.GetGrain<ISlotManagerGrain>(0);

    private ICheckpointCoordinatorGrain Coordinator => GrainFactory.GetGrain<ICheckpointCoordinatorGrain>(JobId);

    private ITaskGrain TaskGrainOf(TaskId id) => GrainFactory.GetGrain<ITaskGrain>(id.ToGrainKey());

    private string Describe(TaskId task) =>
        _graph is not null && task.Vertex < _graph.Vertices.Count ? $"{_graph.Vertices[task.Vertex].Uid}[{task.Subtask}]" : task.ToString();
}
