using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>What <see cref="ICheckpointedFunction.InitializeState"/> is given (Flink's <c>FunctionInitializationContext</c>).</summary>
public abstract class FunctionInitializationContext
{
    /// <summary>
    /// Whether the subtask was deployed from a checkpoint or savepoint (also when that snapshot held no state of this
    /// operator); false on the job's first start.
    /// </summary>
    public abstract bool IsRestored { get; }

    /// <summary>The operator's non-keyed states: list, union list and broadcast state.</summary>
    public abstract IOperatorStateStore OperatorState { get; }

    /// <summary>The operator's keyed state (only after <c>KeyBy</c>; throws otherwise).</summary>
    public abstract IKeyedStateStore KeyedState { get; }
}
