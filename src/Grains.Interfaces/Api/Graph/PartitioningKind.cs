namespace OrleansFlow.Api.Graph;

/// <summary>How records cross from an upstream operator's subtasks to a downstream operator's subtasks.</summary>
public enum PartitioningKind
{
    /// <summary>Subtask i to subtask i (equal parallelism); allows chaining.</summary>
    Forward,
    /// <summary>By the key group of the record's key (keyBy).</summary>
    KeyGroupHash,
    /// <summary>Round-robin over the downstream subtasks.</summary>
    Rebalance,
    /// <summary>Every record to every downstream subtask.</summary>
    Broadcast,
}
