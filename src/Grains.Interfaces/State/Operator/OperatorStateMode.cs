namespace OrleansFlow.State;

/// <summary>How an operator state is redistributed when its operator's parallelism changes; written into snapshots.</summary>
public enum OperatorStateMode : byte
{
    /// <summary>A list split into even contiguous shares (<see cref="IOperatorStateStore.GetListState{T}"/>).</summary>
    SplitDistribute = 1,

    /// <summary>A list every subtask gets whole (<see cref="IOperatorStateStore.GetUnionListState{T}"/>).</summary>
    Union = 2,

    /// <summary>A map every subtask gets one copy of (<see cref="IOperatorStateStore.GetBroadcastState{TKey, TValue}"/>).</summary>
    Broadcast = 3,
}
