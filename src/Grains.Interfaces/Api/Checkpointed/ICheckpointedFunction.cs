namespace OrleansFlow.Api;

/// <summary>
/// A function with operator (non-keyed) state (Flink's <c>CheckpointedFunction</c>). Implement it on a
/// <see cref="ProcessFunction{TIn, TOut}"/>, a co-process, broadcast-process or keyed process function.
/// Protocol, on the task's turn:
/// <list type="number">
/// <item><see cref="InitializeState"/> once per deployed subtask, before <c>Open</c>: register the states with
/// <see cref="FunctionInitializationContext.OperatorState"/> (their restored content is there when
/// <see cref="FunctionInitializationContext.IsRestored"/>) and rebuild the function's fields from them;</item>
/// <item><see cref="SnapshotState"/> at every checkpoint's barrier, before the states are captured: write the fields
/// into the states. Records keep their place: nothing runs between this call and the capture.</item>
/// </list>
/// An exception from either fails the task (a failed snapshot declines nothing: the task restarts from the last
/// completed checkpoint).
/// </summary>
public interface ICheckpointedFunction
{
    /// <summary>A checkpoint's barrier reached the operator: put what the function holds into its states.</summary>
    void SnapshotState(FunctionSnapshotContext context);

    /// <summary>The subtask starts: register the operator states and read what was restored into them.</summary>
    void InitializeState(FunctionInitializationContext context);
}
