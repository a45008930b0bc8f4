using OrleansFlow.Api;
using OrleansFlow.State;

namespace OrleansFlow.Operators;

/// <summary>
/// The operator state of one operator and the <see cref="ICheckpointedFunction"/> hooks of its user function: the
/// operator calls <see cref="Initialize"/> before it opens the function; the task's checkpoint calls
/// <see cref="Snapshot"/> in its synchronous phase. On the task's turn.
/// </summary>
internal sealed class FunctionOperatorState(object function, OperatorStateBackend backend, IKeyedStateStore? keyed, int subtask)
{
    /// <summary>The states.</summary>
    public OperatorStateBackend Backend { get; } = backend;

    /// <summary>Calls the function's <see cref="ICheckpointedFunction.InitializeState"/> (when it has one).</summary>
    public void Initialize()
    {
        if (function is ICheckpointedFunction checkpointed) checkpointed.InitializeState(new InitializationContext(Backend, keyed));
    }

    /// <summary>
    /// Calls the function's <see cref="ICheckpointedFunction.SnapshotState"/>, then serializes the states: broadcast
    /// states only on subtask 0 (every subtask holds the same map, and a restore reads one copy). Null when there is nothing.
    /// </summary>
    public (byte[] Bytes, IReadOnlyList<Checkpointing.OperatorStateEntryInfo> States)? Snapshot(long checkpointId, long timestamp)
    {
        if (function is ICheckpointedFunction checkpointed) checkpointed.SnapshotState(new FunctionSnapshotContext(checkpointId, timestamp));
        return Backend.Snapshot(includeBroadcast: subtask == 0);
    }

    private sealed class InitializationContext(OperatorStateBackend backend, IKeyedStateStore? keyed) : FunctionInitializationContext
    {
        public override bool IsRestored => backend.IsRestored;

        public override IOperatorStateStore OperatorState => backend;

        public override IKeyedStateStore KeyedState => keyed ?? throw new InvalidOperationException("The operator is not keyed: keyed state is only available after KeyBy(...).");
    }
}
