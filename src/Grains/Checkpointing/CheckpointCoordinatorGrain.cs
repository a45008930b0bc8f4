using Microsoft.Extensions.Logging;
using OrleansFlow.Jobs;
using OrleansFlow.Storage;
using OrleansFlow.Tasks;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// The checkpoint coordinator of one job: glue between <see cref="CheckpointCoordinatorCore"/> (the decisions), the
/// source tasks (triggers), the storage (metadata, cleanup) and the job manager (failure tolerance). A checkpoint
/// completes only when every task acknowledged and its <c>_metadata</c> was written (invariant 5).
/// </summary>
[KeepAlive]
internal sealed partial class CheckpointCoordinatorGrain(
    ICheckpointStorage storage,
    CompletedCheckpointStore store,
    TimeProvider timeProvider,
    ILogger<CheckpointCoordinatorGrain> logger) : Grain, ICheckpointCoordinatorGrain
{
    private CheckpointCoordinatorCore? _core;
    private CheckpointCoordinatorStart? _start;
    private IGrainTimer? _timer;
    private long _lastCheckpointId;
    private RestoreInfo? _latestRestore;
    private List<long> _inherited = [];

    private string JobId => this.GetPrimaryKeyString();

    public async Task Start(CheckpointCoordinatorStart start)
    {
        if (_core is null) await AdoptPreviousCheckpointsAsync(start);
        _lastCheckpointId = Math.Max(_lastCheckpointId, Math.Max(start.LastCheckpointId, _core?.LastCheckpointId ?? 0));
        IReadOnlyList<FailedCheckpoint> aborted = [];
        if (_core is null) _core = new CheckpointCoordinatorCore(start.Settings, start.Tasks, timeProvider, _lastCheckpointId, start.Restored);
        else aborted = _core.Restart(start.Tasks, start.Restored); // keeps ids, counts and history across attempts
        _start = start;
        _latestRestore = start.RestoredFrom ?? _latestRestore;
        _timer?.Dispose();
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(start.Settings.IntervalMs / 4, 10, 1000));
        _timer = this.RegisterGrainTimer(OnTick, new GrainTimerCreationOptions(tick, tick) { KeepAlive = true });
        await DeleteAbortedAsync(aborted);
    }

    /// <summary>
    /// A coordinator activated for a job that already has checkpoints (its silo restarted or was lost) takes over what
    /// the previous one left: folders newer than the restored checkpoint are unfinished or were skipped as unreadable
    /// and are deleted now (their ids are never reused); the restored one and older ones are kept until this
    /// coordinator has completed <see cref="CheckpointingSettings.Retained"/> checkpoints of its own.
    /// </summary>
    private async Task AdoptPreviousCheckpointsAsync(CheckpointCoordinatorStart start)
    {
        List<long> ids;
        try
        {
            ids = await store.ListCheckpointIdsAsync(JobId, completeOnly: false);
        }
        catch (Exception e)
        {
            LogCleanupFailed(e, JobId, -1);
            return;
        }
        if (ids.Count == 0) return;
        _lastCheckpointId = Math.Max(_lastCheckpointId, ids.Max());
        var restored = start.RestoredFrom?.CheckpointId ?? 0;
        foreach (var id in ids.Where(i => i > restored)) await DeleteCheckpointFolderAsync(id);
        _inherited = ids.Where(i => i <= restored).ToList();
    }

    public async Task<long?> Trigger()
    {
        if (_core is null || _start is null) return null;
        var pending = _core.TryTrigger(requested: true);
        if (pending is null) return null;
        await TriggerSourcesAsync(pending);
        return pending.Id;
    }

    public async Task<long?> TriggerSavepoint(CheckpointOptions options)
    {
        if (_core is null || _start is null) return null;
        var pending = _core.TriggerSavepoint(options);
        await TriggerSourcesAsync(pending);
        return pending.Id;
    }

    public async Task Acknowledge(TaskCheckpointAck ack)
    {
        if (_core is null || _start is null)
        {
            await DeleteFilesAsync(ack.WrittenFiles);
            return;
        }
        switch (_core.Acknowledge(ack))
        {
            case AckResultKind.AllAcknowledged:
                await CompleteAsync(ack.CheckpointId);
                break;
            case AckResultKind.NotPending:
                LogLateAck(JobId, ack.CheckpointId, ack.Task);
                await DeleteFilesAsync(ack.WrittenFiles); // written for a checkpoint that no longer exists
                break;
        }
    }

    public async Task Decline(TaskId task, long checkpointId, bool taskNotRunning, string reason)
    {
        var failed = taskNotRunning
            ? _core?.Abort(checkpointId, CheckpointFailureReason.TaskFailure, reason, countsAsFailure: false)
            : _core?.Abort(checkpointId, CheckpointFailureReason.Declined, reason);
        if (failed is not null) await OnFailedAsync([failed]);
    }

    public async Task DeclineAlignment(TaskId task, long checkpointId, string reason)
    {
        if (_core?.Abort(checkpointId, CheckpointFailureReason.AlignmentLimitExceeded, reason, countsAsFailure: false) is { } failed) await OnFailedAsync([failed]);
    }

    public Task Stop()
    {
        _timer?.Dispose();
        _timer = null;
        var aborted = _core?.AbortAll(CheckpointFailureReason.JobStopped, "The job stopped.") ?? [];
        _lastCheckpointId = Math.Max(_lastCheckpointId, _core?.LastCheckpointId ?? 0);
        if (_start is { } start) ReportSavepointFailures(start.Attempt, aborted);
        _start = null;
        return DeleteAbortedAsync(aborted);
    }

    public Task<CheckpointStats> GetStats()
    {
        if (_core is null) return Task.FromResult(new CheckpointStats());
        var counts = _core.Counts;
        return Task.FromResult(new CheckpointStats
        {
            Settings = _core.Settings,
            Total = counts.Total, InProgress = counts.InProgress, Completed = counts.Completed, Failed = counts.Failed, Restored = counts.Restored,
            History = _core.History.Select(Summarize).ToList(),
            LatestRestore = _latestRestore,
        });
    }

    public Task<CheckpointDetails?> GetDetails(long checkpointId)
    {
        var entry = _core?.History.FirstOrDefault(h => h.Id == checkpointId);
        return Task.FromResult(entry is null ? null : new CheckpointDetails { Summary = Summarize(entry), Acks = _core!.AcksOf(checkpointId) });
    }

    private CheckpointSummary Summarize(CheckpointHistoryEntry h) => new()
    {
        Id = h.Id,
        Status = h.Status switch { CheckpointStatus.InProgress => "IN_PROGRESS", CheckpointStatus.Completed => "COMPLETED", _ => "FAILED" },
        TriggerTime = h.TriggerTime, EndTime = h.EndTime, StateSize = h.StateSize,
        AcknowledgedTasks = h.AcknowledgedTasks, TotalTasks = h.TotalTasks,
        Path = _core!.Completed.FirstOrDefault(c => c.Id == h.Id) is { } c ? storage.DescribeLocation(c.MetadataPath) : null,
        FailureMessage = h.FailureMessage,
        Tasks = h.Tasks,
        IsSavepoint = h.IsSavepoint,
    };

    private async Task OnTick(CancellationToken cancellation)
    {
        if (_core is null || _start is null) return;
        var timedOut = _core.AbortTimedOut();
        if (timedOut.Count > 0) await OnFailedAsync(timedOut);
        if (_start is null) return;
        if (_core.TryTrigger(requested: false) is { } pending) await TriggerSourcesAsync(pending);
    }

    private async Task TriggerSourcesAsync(PendingCheckpoint pending)
    {
        var start = _start!;
        LogTriggered(JobId, pending.Id);
        try
        {
            await Task.WhenAll(start.Sources.Select(s => GrainFactory.GetGrain<ITaskGrain>(s.ToGrainKey()).TriggerCheckpoint(start.Attempt, pending.Id, pending.Options)));
        }
        catch (Exception e)
        {
            if (_core?.Abort(pending.Id, CheckpointFailureReason.TaskFailure, $"Triggering the sources failed: {e.Message}") is { } failed) await OnFailedAsync([failed]);
        }
    }

    private async Task CompleteAsync(long checkpointId)
    {
        var core = _core!;
        var start = _start!;
        var pending = core.Pending.First(p => p.Id == checkpointId);
        var folder = FolderOf(checkpointId, pending.Options);
        string metadataPath;
        try
        {
            var metadata = CheckpointMetadata.FromAcks(JobId, start.JobName, checkpointId, start.MaxParallelism,
                pending.Options.IsSavepoint ? SnapshotKind.Savepoint : SnapshotKind.Checkpoint,
                pending.TriggerTime, timeProvider.GetUtcNow(), pending.Acks.ToList(), folder);
            metadataPath = await store.WriteMetadataAsync(metadata, folder);
        }
        catch (Exception e)
        {
            LogMetadataFailed(e, JobId, checkpointId);
            if (core.Abort(checkpointId, CheckpointFailureReason.StorageFailure, $"Writing the metadata failed: {e.Message}") is { } failed) await OnFailedAsync([failed]);
            return;
        }
        var (completed, subsumed, dropped, files) = core.MarkCompleted(checkpointId, metadataPath);
        LogCompleted(JobId, checkpointId, completed.StateSize, (completed.CompletionTime - completed.TriggerTime).TotalMilliseconds);
        if (!pending.Options.IsSavepoint || pending.Options.StopSources) // an intermediate savepoint commits no side effects (as in Flink)
        {
            foreach (var task in start.Tasks) _ = GrainFactory.GetGrain<ITaskGrain>(task.ToGrainKey()).NotifyCheckpointComplete(start.Attempt, checkpointId);
        }
        if (pending.Options.IsSavepoint) _ = GrainFactory.GetGrain<IJobManagerGrain>(JobId).SavepointCompleted(start.Attempt, checkpointId, folder);
        await DeleteAbortedAsync(subsumed);
        await DeleteFilesAsync(files);
        foreach (var d in dropped) await storage.DeletePrefixAsync(StoragePaths.Checkpoint(JobId, d.Id));
        if (_inherited.Count > 0 && core.Completed.Count >= core.Settings.Retained)
        {
            foreach (var id in _inherited) await DeleteCheckpointFolderAsync(id);
            _inherited = [];
        }
    }

    private async Task OnFailedAsync(IReadOnlyList<FailedCheckpoint> failed)
    {
        foreach (var f in failed) LogAborted(JobId, f.Id, f.Reason.ToString(), f.Message);
        if (_start is { } start)
        {
            ReportSavepointFailures(start.Attempt, failed);
            foreach (var f in failed) // tasks still writing for it stop (one-way: a task may be the one that failed)
            {
                foreach (var task in start.Tasks) _ = GrainFactory.GetGrain<ITaskGrain>(task.ToGrainKey()).NotifyCheckpointAborted(start.Attempt, f.Id);
            }
        }
        await DeleteAbortedAsync(failed);
        if (_core is { ToleranceExceeded: true } core && _start is not null)
        {
            var cause = $"Checkpointing failed {core.ConsecutiveFailures} times in a row (tolerable: {core.Settings.TolerableFailures}); last: {failed[^1].Message}";
            _ = GrainFactory.GetGrain<IJobManagerGrain>(JobId).CheckpointingFailed(_start.Attempt, cause);
        }
    }

    private void ReportSavepointFailures(int attempt, IReadOnlyList<FailedCheckpoint> failed)
    {
        foreach (var f in failed.Where(f => f.IsSavepoint))
            _ = GrainFactory.GetGrain<IJobManagerGrain>(JobId).SavepointFailed(attempt, f.Id, $"{f.Reason}: {f.Message}");
    }

    /// <summary>Where checkpoint <paramref name="id"/> writes: <c>jobs/{jobId}/chk-{n}</c>, or a savepoint's target folder.</summary>
    private string FolderOf(long id, CheckpointOptions? options) => options?.TargetFolder ?? StoragePaths.Checkpoint(JobId, id);

    private async Task DeleteAbortedAsync(IReadOnlyList<FailedCheckpoint> aborted)
    {
        foreach (var f in aborted) await DeleteCheckpointFolderAsync(f.Id, f.Options);
    }

    private async Task DeleteCheckpointFolderAsync(long id, CheckpointOptions? options = null)
    {
        try
        {
            await storage.DeletePrefixAsync(FolderOf(id, options));
        }
        catch (Exception e)
        {
            LogCleanupFailed(e, JobId, id);
        }
    }

    private async Task DeleteFilesAsync(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                await storage.DeleteAsync(path);
            }
            catch (Exception e)
            {
                LogCleanupFailed(e, JobId, -1);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId}: checkpoint {CheckpointId} triggered")]
    private partial void LogTriggered(string jobId, long checkpointId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: checkpoint {CheckpointId} completed ({Bytes} bytes, {Millis} ms)")]
    private partial void LogCompleted(string jobId, long checkpointId, long bytes, double millis);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: checkpoint {CheckpointId} aborted ({Reason}): {Message}")]
    private partial void LogAborted(string jobId, long checkpointId, string reason, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId}: late acknowledgement of checkpoint {CheckpointId} from {Task}; its files are deleted")]
    private partial void LogLateAck(string jobId, long checkpointId, TaskId task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: writing the metadata of checkpoint {CheckpointId} failed")]
    private partial void LogMetadataFailed(Exception exception, string jobId, long checkpointId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: deleting files of checkpoint {CheckpointId} failed")]
    private partial void LogCleanupFailed(Exception exception, string jobId, long checkpointId);
}
