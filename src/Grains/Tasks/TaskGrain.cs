using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using OrleansFlow.Api;
using OrleansFlow.Channels;
using OrleansFlow.Checkpointing;
using OrleansFlow.Storage;
using OrleansFlow.Hosting;
using OrleansFlow.Jobs;
using OrleansFlow.Operators;

namespace OrleansFlow.Tasks;

/// <summary>
/// One subtask of a job vertex. Non-reentrant: records are processed in one turn per input batch; the only awaits are
/// on output capacity (backpressure) and end-of-input draining. Cancel and metrics interleave.
/// </summary>
[KeepAlive, Placement.SubtaskSpreadPlacementAttribute]
internal sealed partial class TaskGrain(
    JobGraphFactory graphFactory,
    Serializer serializer,
    TimeProvider timeProvider,
    ICheckpointStorage storage,
    IOptions<OrleansFlowOptions> options,
    Network.NetworkBufferPool networkMemory,
    ILogger<TaskGrain> logger) : Grain, ITaskGrain
{
    private readonly List<StreamElement> _elements = [];
    private readonly List<int> _elementEdges = []; // the input edge of each of _elements (-1: derived by the task)
    private readonly List<Input.ChannelRelease> _releases = [];
    private Input.TaskInputProcessor? _input;
    private readonly OrleansFlowOptions _options = options.Value;
    private TaskState _state = TaskState.NotDeployed;
    private TaskDeployment? _deployment;
    private OperatorChain? _chain;
    private long _recordsIn;
    private bool _lossReported;
    private IGrainTimer? _flushTimer;
    private Checkpointing.SubtaskCheckpointCoordinator? _checkpoints; // the deployed attempt's checkpoint work
    private Dictionary<(TaskId Receiver, int Edge), ChannelSender> _sendersByReceiver = [];
    private int _canceledThrough; // the newest attempt the job manager cancelled
    private long _nextPeriodicWatermark; // when a source with event time emits its periodic watermarks next
    private Timers.ProcessingTimeService? _processingTime; // the deployed attempt's processing-time wake-ups
    private ITimer? _processingTimer; // the pending wake-up (on the injected clock)

    private TaskId Id => TaskId.Parse(this.GetPrimaryKeyString());

    public async Task Deploy(TaskDeployment deployment)
    {
        var manager = GrainFactory.GetGrain<IJobManagerGrain>(deployment.Task.JobId);
        var attempt = deployment.Attempt;
        if (attempt <= _canceledThrough) return; // cancelled before its deployment arrived
        if (_deployment is not null)
        {
            if (attempt < _deployment.Attempt) return; // stale: a newer attempt is deployed here
            if (attempt == _deployment.Attempt)
            {
                _ = manager.TaskDeployed(Id, attempt); // idempotent
                return;
            }
            StopOperators();
            _state = TaskState.Canceled; // the older attempt processes nothing more, whatever becomes of this one
        }

        JobGraph graph;
        OperatorChain? chain = null;
        var processingTime = new Timers.ProcessingTimeService(timeProvider, delay => ScheduleProcessingTime(attempt, delay));
        try
        {
            graph = graphFactory.Create(deployment.Spec);
            var env = new TaskEnvironment(deployment.Task, attempt, graph, graph.Vertices[deployment.Task.Vertex], GrainFactory, serializer, timeProvider, _options, networkMemory, processingTime);
            chain = OperatorChainFactory.Build(env);
            if (deployment.Restore is { } restore) await RestoreAsync(chain, restore);
            if (deployment.Restore is not null || attempt > 1) await RecoverSinksAsync(chain, deployment, graph.Vertices[deployment.Task.Vertex].Parallelism);
            foreach (var op in chain.Operators)
            {
                try
                {
                    op.Open();
                }
                catch (InvalidDataException e) when (op is Operators.IStatefulOperator stateful)
                {
                    throw new InvalidDataException($"Operator '{stateful.Uid}' cannot restore its state: {e.Message}", e);
                }
            }
        }
        catch (Exception e)
        {
            if (chain is not null) DisposeChain(chain); // a deployment that fails gives its network memory back
            LogDeploymentFailed(e, Id, attempt);
            _ = manager.TaskDeploymentFailed(Id, attempt, $"{e.GetType().Name}: {e.Message}");
            return;
        }
        if (attempt <= _canceledThrough || (_deployment is not null && _deployment.Attempt >= attempt))
        {
            DisposeChain(chain); // cancelled (or superseded) while it restored
            return;
        }
        var vertex = graph.Vertices[deployment.Task.Vertex];

        var channels = vertex.Inputs.SelectMany(edge => (edge.Partitioning.Kind == Api.Graph.PartitioningKind.Forward
                ? [deployment.Task.Subtask]
                : Enumerable.Range(0, edge.Source.Parallelism))
            .Select(s => new Input.InputChannel(edge.TargetInputOrdinal, edge.Source.Index, s)));
        _input = new Input.TaskInputProcessor(channels, timeProvider, _options.MaxAlignmentBufferedRecords);
        _sendersByReceiver = chain.Writers.SelectMany(w => w.Senders).ToDictionary(s => (s.Target, s.InputEdge));
        _deployment = deployment;
        _chain = chain;
        _processingTime = processingTime;
        _checkpoints = new Checkpointing.SubtaskCheckpointCoordinator(Id, attempt, chain, Coordinator, storage, timeProvider,
            e => _deployment?.Attempt == attempt ? FailAsync(e) : Task.CompletedTask, logger);
        _recordsIn = 0;
        _state = TaskState.Deployed;
        _flushTimer ??= this.RegisterGrainTimer(FlushOnTimeout, new GrainTimerCreationOptions(_options.BufferTimeout, _options.BufferTimeout) { KeepAlive = true });
        LogDeployed(Id, deployment.Attempt, vertex.Uid);
        _ = manager.TaskDeployed(Id, attempt);
    }

    /// <summary>Restores the chain's keyed state from the checkpoint's files (only this task's key groups) and seeks its source.</summary>
    private async Task RestoreAsync(OperatorChain chain, TaskRestore restore)
    {
        foreach (var op in chain.StatefulOperators)
        {
            foreach (var file in restore.Files.Where(f => f.OperatorUid == op.Uid && !f.KeyGroups.Intersect(op.KeyGroups).IsEmpty))
            {
                await using var stream = await storage.OpenReadAsync(file.Path)
                    ?? throw new FileNotFoundException($"State file {storage.DescribeLocation(file.Path)} of checkpoint {restore.CheckpointId} is missing.");
                try
                {
                    op.RestoreState(stream, file.SectionChecksums);
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"State file {storage.DescribeLocation(file.Path)} of checkpoint {restore.CheckpointId}: {e.Message}", e);
                }
            }
        }
        foreach (var op in chain.OperatorStateOwners)
            await Checkpointing.OperatorStateRestorer.RestoreAsync(storage, op, restore);
        if (chain.Source is not null && chain.SourceUid is not null && restore.SourceOffsets.TryGetValue(chain.SourceUid, out var offsets))
            chain.Source.Seek(offsets);
        LogRestored(Id, restore.CheckpointId);
    }

    /// <summary>
    /// A restarted attempt's exactly-once sinks commit the restored checkpoint's transactions (their first commit may have
    /// been lost) and discard what earlier attempts left uncommitted.
    /// </summary>
    private async Task RecoverSinksAsync(OperatorChain chain, TaskDeployment deployment, int parallelism)
    {
        foreach (var sink in chain.TransactionalSinks)
        {
            IReadOnlyList<SinkCommittable> restored = deployment.Restore?.Committables.GetValueOrDefault(sink.Uid) ?? [];
            await sink.RecoverAsync(restored, new SinkDiscardScope(Id.JobId, sink.Uid, Id.Subtask, parallelism, deployment.Attempt));
        }
    }

    /// <summary>
    /// Arranges the processing-time wake-up <paramref name="delay"/> from now on the injected clock, replacing the pending
    /// one. The timer's callback runs off the grain, so it only posts <see cref="FireProcessingTimers"/> to it.
    /// </summary>
    private void ScheduleProcessingTime(int attempt, TimeSpan delay)
    {
        _processingTimer?.Dispose();
        var self = this.AsReference<ITaskGrain>();
        _processingTimer = timeProvider.CreateTimer(_ => self.FireProcessingTimers(attempt), null, delay, Timeout.InfiniteTimeSpan);
    }

    public async Task FireProcessingTimers(int attempt)
    {
        if (_deployment?.Attempt != attempt || _state is not (TaskState.Deployed or TaskState.Running) || _processingTime is null) return;
        try
        {
            _processingTime.Fire();
            await WaitForCapacityAsync();
        }
        catch (Exception ex)
        {
            await FailAsync(ex);
        }
    }

    public Task Start(int attempt)
    {
        if (_deployment?.Attempt != attempt || _state != TaskState.Deployed) return Task.CompletedTask;
        if (_chain!.Source is null) return Task.CompletedTask;
        _state = TaskState.Running;
        return this.AsReference<ITaskGrain>().RunSlice(attempt);
    }

    public async Task RunSlice(int attempt)
    {
        if (_deployment?.Attempt != attempt || _state != TaskState.Running) return;
        var source = _chain!.Source!;
        var deadline = timeProvider.GetTimestamp() + (long)(_options.SourceSlice.TotalSeconds * timeProvider.TimestampFrequency);
        try
        {
            while (_state == TaskState.Running && timeProvider.GetTimestamp() is var now && now < deadline)
            {
                if (source.HasEventTime && now >= _nextPeriodicWatermark)
                {
                    source.EmitPeriodicWatermarks();
                    _nextPeriodicWatermark = now + (long)(_options.AutoWatermarkInterval.TotalSeconds * timeProvider.TimestampFrequency);
                }
                var step = _chain.Budget?.StepSize(_options.BatchSize) ?? _options.BatchSize;
                if (step == 0)
                {
                    await WaitForNetworkMemoryAsync();
                    continue;
                }
                var status = source.Poll(step);
                if (status == SourceReaderStatus.EndOfInput)
                {
                    if (source.EndsWithItsSiblings)
                    {
                        FlushAll();
                        return; // idles (still Running, so checkpoints pass through) until the job manager's FinishSource
                    }
                    await FinishAsync();
                    return;
                }
                if (status == SourceReaderStatus.NothingAvailable)
                {
                    FlushAll();
                    await Task.Delay(TimeSpan.FromMilliseconds(5), timeProvider);
                    break;
                }
                await WaitForCapacityAsync();
            }
        }
        catch (Exception ex)
        {
            await FailAsync(ex);
            return;
        }
        if (_state == TaskState.Running) _ = this.AsReference<ITaskGrain>().RunSlice(attempt);
    }

    public async Task Deliver(ChannelBatch batch)
    {
        if (_deployment is null)
        {
            ReportLost(batch.Attempt);
            throw new TaskNotDeployedException(
                $"Task {Id} has no deployment: this activation was created after its previous one was lost, so its state is gone.");
        }
        if (batch.Attempt != _deployment.Attempt || _state is not (TaskState.Deployed or TaskState.Running)) return;
        _elements.Clear();
        _elementEdges.Clear();
        _input!.Offer(batch.InputEdge, batch.SourceSubtask, batch.Sequence, batch.Payload, _elements, _elementEdges);
        if (_elements.Count == 0) return; // waits for a gap to fill, or a duplicate
        try
        {
            foreach (var givenUp in _input.TakeGivenUp()) DeclineAlignment(givenUp);
            for (var e = 0; e < _elements.Count; e++)
            {
                var element = _elements[e];
                switch (element)
                {
                    case EndOfInput:
                        await FinishAsync();
                        return;
                    case CheckpointBarrier barrier:
                        TakeCheckpoint(barrier, _input.LastAlignment);
                        break;
                    case Watermark or WatermarkStatus:
                        _chain!.ProcessEventTime(element);
                        break;
                    default:
                        var position = 0;
                        while (!_chain!.Input!.Process(element, _elementEdges[e], ref position))
                        {
                            await WaitForNetworkMemoryAsync();
                            if (_state is not (TaskState.Deployed or TaskState.Running)) return;
                        }
                        _recordsIn += position;
                        break;
                }
            }
            ReleaseUnheldChannels(); // before this task waits on its own downstream
            await WaitForCapacityAsync();
        }
        catch (Exception ex)
        {
            await FailAsync(ex);
        }
        finally
        {
            ReleaseUnheldChannels();
        }
    }

    /// <summary>
    /// Tells the upstream task of every channel that delivered a barrier and is no longer held (its alignment completed,
    /// was given up or abandoned) that what it sent after that barrier counts no more in its window (one-way).
    /// </summary>
    private void ReleaseUnheldChannels()
    {
        if (_input is null || _deployment is null) return;
        _releases.Clear();
        _input.TakeReleases(_releases);
        foreach (var (channel, checkpointId) in _releases)
        {
            var upstream = new TaskId(Id.JobId, channel.UpstreamVertex, channel.UpstreamSubtask);
            _ = GrainFactory.GetGrain<ITaskGrain>(upstream.ToGrainKey()).ReleaseHeld(_deployment.Attempt, Id, channel.Edge, checkpointId);
        }
    }

    public Task ReleaseHeld(int attempt, TaskId receiver, int inputEdge, long checkpointId)
    {
        if (_deployment is null) DeactivateOnIdle(); // the task finished or was lost: nothing is held here
        else if (attempt == _deployment.Attempt && _sendersByReceiver.TryGetValue((receiver, inputEdge), out var sender)) sender.ReleaseHeld(checkpointId);
        return Task.CompletedTask;
    }

    /// <summary>Tells the coordinator that this task gave up aligning <paramref name="checkpointId"/> (one-way).</summary>
    private void DeclineAlignment(long checkpointId)
    {
        LogAlignmentGivenUp(Id, checkpointId, _options.MaxAlignmentBufferedRecords);
        _ = Coordinator.DeclineAlignment(Id, checkpointId,
            $"Task {Id} held more than {_options.MaxAlignmentBufferedRecords} records (OrleansFlow:MaxAlignmentBufferedRecords) while aligning the barriers of checkpoint {checkpointId} and gave the alignment up.");
    }

    public Task TriggerCheckpoint(int attempt, long checkpointId, CheckpointOptions options)
    {
        if (_state == TaskState.Finished) return Task.CompletedTask; // the job manager stops checkpointing when a task finishes
        if (_deployment?.Attempt != attempt || _state != TaskState.Running || _chain?.Source is null)
        {
            var reason = _deployment is null ? "the task is not deployed" : $"the task is {_state} in attempt {_deployment.Attempt}";
            return Coordinator.Decline(Id, checkpointId, taskNotRunning: true, $"Task {Id} cannot take checkpoint {checkpointId}: {reason}.");
        }
        TakeCheckpoint(new CheckpointBarrier(checkpointId, options), default);
        return Task.CompletedTask;
    }

    public async Task NotifyCheckpointComplete(int attempt, long checkpointId)
    {
        if (_deployment is null)
        {
            DeactivateOnIdle(); // the task finished or was lost: nothing here to commit
            return;
        }
        if (attempt != _deployment.Attempt || _state is not (TaskState.Deployed or TaskState.Running or TaskState.Paused)) return;
        try
        {
            foreach (var sink in _chain!.TransactionalSinks) await sink.CommitAsync(checkpointId);
            if (_chain is { } chain) foreach (var op in chain.Operators) op.NotifyCheckpointComplete(checkpointId);
        }
        catch (Exception ex)
        {
            await FailAsync(new InvalidOperationException($"Committing the sink output of checkpoint {checkpointId} failed: {ex.Message}", ex));
        }
    }

    public async Task FinishSource(int attempt)
    {
        var idleWithoutSplits = _state is TaskState.Deployed or TaskState.Running && _chain?.Source is { EndsWithItsSiblings: true }; // started or not
        if (_deployment?.Attempt != attempt || (_state != TaskState.Paused && !idleWithoutSplits)) return;
        _state = TaskState.Running;
        try
        {
            await FinishAsync();
        }
        catch (Exception ex)
        {
            await FailAsync(ex);
        }
    }

    public Task Cancel(int attempt)
    {
        _canceledThrough = Math.Max(_canceledThrough, attempt); // a deployment of this attempt still restoring is dropped when it ends
        if (_deployment is null || attempt < _deployment.Attempt) return Task.CompletedTask;
        if (_state is TaskState.Deployed or TaskState.Running or TaskState.Paused)
        {
            _state = TaskState.Canceled;
            StopOperators();
            _chain = null; // its state goes now, not when idle collection ends this activation
            _checkpoints = null;
            LogCanceled(Id, attempt);
        }
        // No DeactivateOnIdle: the next attempt's deployment may already be on its way here, and an activation told to
        // deactivate still takes it and then deactivates, losing it. The stopped task holds nothing; idle collection ends it.
        return Task.CompletedTask;
    }

    public Task<bool> IsDeployed(int attempt)
    {
        if (_deployment is null) DeactivateOnIdle();
        return Task.FromResult(_deployment?.Attempt == attempt && _state is TaskState.Deployed or TaskState.Running or TaskState.Paused or TaskState.Finished);
    }

    public Task<TaskMetrics> GetMetrics()
    {
        // A query must not keep alive an activation that was never deployed (e.g. one created after the task finished).
        if (_deployment is null) DeactivateOnIdle();
        return Task.FromResult(Metrics);
    }

    private TaskMetrics Metrics => new(_recordsIn, _chain?.RecordsOut ?? 0, RuntimeIdentity,
        _input is { ChannelCount: > 0 } input ? input.CurrentWatermark : _chain?.Source?.CurrentWatermark ?? long.MinValue, _chain?.LateRecordsDropped ?? 0);

    private ICheckpointCoordinatorGrain Coordinator => GrainFactory.GetGrain<ICheckpointCoordinatorGrain>(Id.JobId);

    /// <summary>
    /// Barrier <paramref name="barrier"/> is aligned (or triggered, on a source): the checkpoint's synchronous phase, the
    /// barrier downstream, its asynchronous phase started (<see cref="Checkpointing.SubtaskCheckpointCoordinator"/>);
    /// a stop-with-savepoint barrier then pauses the source.
    /// </summary>
    private void TakeCheckpoint(CheckpointBarrier barrier, AlignmentStats alignment)
    {
        _checkpoints!.Checkpoint(barrier, alignment);
        if (barrier.Options.StopSources && _chain!.Source is not null && _state == TaskState.Running)
        {
            _state = TaskState.Paused; // stop with savepoint: nothing after the barrier
            FlushAll();
        }
    }

    public Task NotifyCheckpointAborted(int attempt, long checkpointId)
    {
        if (_deployment?.Attempt != attempt) return Task.CompletedTask;
        _checkpoints?.Abort(checkpointId);
        if (_chain is { } chain && _state is TaskState.Deployed or TaskState.Running or TaskState.Paused)
            foreach (var op in chain.Operators) op.NotifyCheckpointAborted(checkpointId);
        return Task.CompletedTask;
    }

    private async Task FinishAsync()
    {
        var chain = _chain!;
        chain.Source?.EndEventTime(); // a bounded source ends event time before its chain ends its input
        foreach (var op in chain.Operators) op.EndInput();
        var committables = new Dictionary<string, IReadOnlyList<SinkCommittable>>(StringComparer.Ordinal);
        foreach (var sink in chain.TransactionalSinks) committables[sink.Uid] = await sink.SnapshotAsync(SinkCommittable.EndOfInputCheckpointId);
        foreach (var writer in chain.Writers) writer.BroadcastElement(EndOfInput.Instance);
        await Task.WhenAll(chain.Writers.SelectMany(w => w.Senders).Select(s => s.DrainAsync()));
        if (_state is not (TaskState.Deployed or TaskState.Running)) return;
        _state = TaskState.Finished;
        StopOperators();
        LogFinished(Id, _deployment!.Attempt, _recordsIn, chain.RecordsOut);
        _ = GrainFactory.GetGrain<IJobManagerGrain>(Id.JobId).TaskFinished(Id, _deployment.Attempt, Metrics, committables);
        DeactivateOnIdle();
    }

    private Task FailAsync(Exception ex)
    {
        if (_state is not (TaskState.Deployed or TaskState.Running or TaskState.Paused)) return Task.CompletedTask;
        _state = TaskState.Failed;
        var cause = $"{ex.GetType().Name}: {ex.Message}";
        LogFailed(ex, Id, _deployment!.Attempt);
        try
        {
            StopOperators();
        }
        catch (Exception disposeError)
        {
            LogFailed(disposeError, Id, _deployment.Attempt);
        }
        return GrainFactory.GetGrain<IJobManagerGrain>(Id.JobId).TaskFailed(Id, _deployment.Attempt, cause);
    }

    private void ReportLost(int attempt)
    {
        if (_lossReported) return;
        _lossReported = true;
        LogLost(Id);
        _ = GrainFactory.GetGrain<IJobManagerGrain>(Id.JobId).TaskLost(Id, attempt);
        DeactivateOnIdle();
    }

    /// <summary>Waits until every output channel has room for a batch (per input batch: index loops, no enumerator boxed).</summary>
    private async ValueTask WaitForCapacityAsync()
    {
        var writers = _chain!.Writers;
        for (var w = 0; w < writers.Count; w++)
        {
            var senders = writers[w].Senders;
            for (var s = 0; s < senders.Count; s++) await senders[s].WaitForCapacityAsync();
        }
    }

    /// <summary>
    /// The task's outputs hold all the network memory it may take: send what the buffers hold (so it can come back once
    /// applied) and wait until one record's worth is free again, or the task stops.
    /// </summary>
    private async Task WaitForNetworkMemoryAsync()
    {
        FlushAll();
        await _chain!.Budget!.WaitForMinimumAsync();
    }

    private void FlushAll()
    {
        var writers = _chain!.Writers;
        for (var w = 0; w < writers.Count; w++) writers[w].FlushAll();
    }

    private Task FlushOnTimeout(CancellationToken cancellation)
    {
        if (_state is TaskState.Deployed or TaskState.Running) FlushAll();
        return Task.CompletedTask;
    }

    private void StopOperators()
    {
        _flushTimer?.Dispose();
        _flushTimer = null;
        _processingTimer?.Dispose();
        _processingTimer = null;
        _processingTime = null;
        if (_chain is not null) DisposeChain(_chain);
    }

    private static void DisposeChain(OperatorChain chain)
    {
        foreach (var writer in chain.Writers) writer.ReleaseBuffers();
        chain.Budget?.Dispose();
        foreach (var op in chain.Operators) op.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {Task} deployed for attempt {Attempt} (vertex {Vertex})")]
    private partial void LogDeployed(TaskId task, int attempt, string vertex);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {Task} could not be deployed for attempt {Attempt}")]
    private partial void LogDeploymentFailed(Exception exception, TaskId task, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Task {Task} finished attempt {Attempt}: {RecordsIn} records in, {RecordsOut} out")]
    private partial void LogFinished(TaskId task, int attempt, long recordsIn, long recordsOut);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {Task} cancelled (attempt {Attempt})")]
    private partial void LogCanceled(TaskId task, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {Task} failed in attempt {Attempt}")]
    private partial void LogFailed(Exception exception, TaskId task, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Task {Task} restored from checkpoint {CheckpointId}")]
    private partial void LogRestored(TaskId task, long checkpointId);


    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {Task} gave up aligning checkpoint {CheckpointId}: it held more than {Limit} records")]
    private partial void LogAlignmentGivenUp(TaskId task, long checkpointId, long limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task {Task} received work without a deployment: its previous activation and state were lost")]
    private partial void LogLost(TaskId task);
}
