using OrleansFlow.State;

namespace OrleansFlow.Operators;

/// <summary>An operator that can hold operator (non-keyed) state: its function's, and a broadcast connection's.</summary>
internal interface IOperatorStateOwner
{
    /// <summary>The operator's uid: the identity of its state in checkpoints and savepoints.</summary>
    string Uid { get; }

    /// <summary>Its operator states.</summary>
    FunctionOperatorState OperatorState { get; }
}
