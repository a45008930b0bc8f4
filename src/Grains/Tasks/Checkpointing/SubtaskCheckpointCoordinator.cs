using Microsoft.Extensions.Logging;
using OrleansFlow.Api;
using OrleansFlow.Checkpointing;
using OrleansFlow.Storage;

namespace OrleansFlow.Tasks.Checkpointing;

/// <summary>
/// A task's part of checkpoints, for one deployed attempt (Flink's <c>SubtaskCheckpointCoordinator</c>):
/// <list type="number">
/// <item>the synchronous phase calls the functions' <c>SnapshotState</c> and serializes their operator states (small by
/// contract), freezes the chain's keyed state copy-on-write (in time independent of its size), records
/// the source offsets and seals the sinks' transactions;</item>
/// <item>the barrier goes downstream at once;</item>
/// <item>the asynchronous phase makes the pre-commits durable, writes the state files and acknowledges, or declines,
/// while records keep flowing.</item>
/// </list>
/// Protocol: every member runs on the task's turn (continuations of the asynchronous phase included, as grain
/// continuations do); <see cref="Checkpoint"/> per aligned barrier, <see cref="Abort"/> when the coordinator aborted a
/// checkpoint whose write still runs. A failed pre-commit fails the task through <paramref name="failTask"/> (its sealed
/// records are not durable, so no later checkpoint may complete without them); any other failure declines the checkpoint.
/// </summary>
internal sealed partial class SubtaskCheckpointCoordinator(
    TaskId task, int attempt, OperatorChain chain, ICheckpointCoordinatorGrain coordinator, ICheckpointStorage storage,
    TimeProvider time, Func<Exception, Task> failTask, ILogger logger)
{
    private readonly Dictionary<long, List<State.IKeyedStateSnapshot>> _writing = []; // checkpoint → snapshots whose write runs
    private readonly HashSet<long> _aborted = [];

    /// <summary>Checkpoints whose state files are being written.</summary>
    public int Writing => _writing.Count;

    /// <summary>
    /// Barrier <paramref name="barrier"/> is aligned (or triggered, on a source): runs the synchronous phase, forwards the
    /// barrier on every output and starts the asynchronous phase. Throws when the synchronous phase fails (nothing was
    /// forwarded then).
    /// </summary>
    public void Checkpoint(CheckpointBarrier barrier, AlignmentStats alignment)
    {
        var syncStart = time.GetTimestamp();
        var operatorStates = new List<(string Uid, byte[] Bytes, IReadOnlyList<OperatorStateEntryInfo> States)>();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var op in chain.OperatorStateOwners) // first: the functions' SnapshotState may still write keyed state
        {
            if (op.OperatorState.Snapshot(barrier.CheckpointId, now) is { } captured) operatorStates.Add((op.Uid, captured.Bytes, captured.States));
        }
        var snapshots = new List<(string Uid, KeyGroups.KeyGroupRange KeyGroups, State.IKeyedStateSnapshot Snapshot)>();
        try
        {
            foreach (var op in chain.StatefulOperators) snapshots.Add((op.Uid, op.KeyGroups, op.BeginSnapshot()));
        }
        catch
        {
            foreach (var captured in snapshots) captured.Snapshot.Dispose();
            throw;
        }
        var offsets = chain.Source is null || chain.SourceUid is null
            ? new Dictionary<string, IReadOnlyDictionary<int, long>>()
            : new Dictionary<string, IReadOnlyDictionary<int, long>> { [chain.SourceUid] = chain.Source.Offsets };
        var sinks = chain.TransactionalSinks.Select(s => (s.Uid, Committables: s.SnapshotAsync(barrier.CheckpointId))).ToList();
        var sync = time.GetElapsedTime(syncStart);
        foreach (var writer in chain.Writers) writer.BroadcastElement(barrier);
        _ = WriteAndAcknowledgeAsync(barrier.CheckpointId, barrier.Options, snapshots, operatorStates, offsets, sinks, alignment, sync);
    }

    /// <summary>The coordinator aborted <paramref name="checkpointId"/>: a write still running is cancelled (its snapshots disposed).</summary>
    public void Abort(long checkpointId)
    {
        if (!_writing.Remove(checkpointId, out var snapshots)) return;
        _aborted.Add(checkpointId);
        foreach (var snapshot in snapshots) snapshot.Dispose(); // cancels the write; the write's own finally disposes again, which releases the layers
    }

    /// <summary>
    /// The asynchronous phase: the sinks' pre-commits become durable, then each snapshot is serialized and written on
    /// the thread pool (<see cref="StateFileWriter"/>) and disposed back on the task's turn as soon as it is written,
    /// or when anything fails, so its copy-on-write layers are merged in every outcome. The async duration covers
    /// pre-commits, serialization and writes.
    /// </summary>
    private async Task WriteAndAcknowledgeAsync(
        long checkpointId, CheckpointOptions target,
        List<(string Uid, KeyGroups.KeyGroupRange KeyGroups, State.IKeyedStateSnapshot Snapshot)> snapshots,
        List<(string Uid, byte[] Bytes, IReadOnlyList<OperatorStateEntryInfo> States)> operatorStates,
        Dictionary<string, IReadOnlyDictionary<int, long>> offsets, List<(string Uid, Task<IReadOnlyList<SinkCommittable>> Committables)> sinks, AlignmentStats alignment, TimeSpan sync)
    {
        var asyncStart = time.GetTimestamp();
        var committables = new Dictionary<string, IReadOnlyList<SinkCommittable>>(StringComparer.Ordinal);
        try
        {
            foreach (var (uid, pending) in sinks) committables[uid] = await pending;
        }
        catch (Exception e)
        {
            foreach (var captured in snapshots) captured.Snapshot.Dispose();
            LogCheckpointFailed(e, task, checkpointId);
            await coordinator.Decline(task, checkpointId, taskNotRunning: false, $"Task {task} could not pre-commit its sink output for checkpoint {checkpointId}: {e.GetType().Name}: {e.Message}");
            await failTask(e);
            return;
        }
        try
        {
            var handles = new List<StateHandle>();
            _writing[checkpointId] = snapshots.Select(s => s.Snapshot).ToList();
            try
            {
                foreach (var (uid, keyGroups, snapshot) in snapshots)
                {
                    var path = target.TargetFolder is { } folder
                        ? StoragePaths.SnapshotFile(folder, uid, task.Subtask)
                        : StoragePaths.StateFile(task.JobId, checkpointId, uid, task.Subtask);
                    var file = await StateFileWriter.WriteAsync(storage, path, snapshot);
                    snapshot.Dispose(); // back on the task's turn: merge now, not after the acknowledgement
                    handles.Add(new StateHandle
                    {
                        OperatorUid = uid, Path = path, KeyGroups = keyGroups, KeyGroupOffsets = file.Info.Offsets, KeyGroupLengths = file.Info.Lengths,
                        Size = file.Info.TotalBytes, Checksum = file.Checksum, SectionChecksums = file.Info.SectionChecksums,
                    });
                }
            }
            finally
            {
                _writing.Remove(checkpointId);
                foreach (var captured in snapshots) captured.Snapshot.Dispose(); // idempotent: releases what a failure left
            }
            var operatorHandles = new List<OperatorStateHandle>();
            foreach (var (uid, bytes, states) in operatorStates)
            {
                var folder = target.TargetFolder ?? StoragePaths.Checkpoint(task.JobId, checkpointId);
                var path = StoragePaths.OperatorStateFile(folder, uid, task.Subtask);
                await Task.Run(() => storage.WriteAsync(path, bytes));
                operatorHandles.Add(new OperatorStateHandle { OperatorUid = uid, Path = path, Size = bytes.Length, Checksum = StateFileChecksum.Compute(bytes), States = states });
            }
            var asyncDuration = time.GetElapsedTime(asyncStart);
            await coordinator.Acknowledge(new TaskCheckpointAck
            {
                Task = task, CheckpointId = checkpointId, State = handles, OperatorState = operatorHandles, SourceOffsets = offsets, Committables = committables,
                AlignmentDuration = alignment.Duration, AlignmentBufferedRecords = alignment.BufferedRecords, SyncDuration = sync, AsyncDuration = asyncDuration,
            });
        }
        catch (Exception e) when (_aborted.Remove(checkpointId))
        {
            LogCheckpointWriteStopped(task, checkpointId, e.GetType().Name);
        }
        catch (Exception e)
        {
            LogCheckpointFailed(e, task, checkpointId);
            await coordinator.Decline(task, checkpointId, taskNotRunning: false, $"Task {task} could not write its state for checkpoint {checkpointId}: {e.GetType().Name}: {e.Message}");
        }
        finally
        {
            _aborted.Remove(checkpointId);
        }
    }

    /// <summary>The attempt this instance serves.</summary>
    public int Attempt => attempt;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {Task} could not write checkpoint {CheckpointId}")]
    private partial void LogCheckpointFailed(Exception exception, TaskId task, long checkpointId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {Task} stopped writing checkpoint {CheckpointId}: the coordinator aborted it ({Outcome})")]
    private partial void LogCheckpointWriteStopped(TaskId task, long checkpointId, string outcome);
}
