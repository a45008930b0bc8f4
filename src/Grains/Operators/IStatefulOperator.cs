using OrleansFlow.KeyGroups;
using OrleansFlow.State;

namespace OrleansFlow.Operators;

/// <summary>An operator with keyed state that a checkpoint captures.</summary>
internal interface IStatefulOperator
{
    /// <summary>The operator's uid: the identity of its state in checkpoints and savepoints.</summary>
    string Uid { get; }

    /// <summary>The key groups this subtask owns.</summary>
    KeyGroupRange KeyGroups { get; }

    /// <summary>The synchronous phase: writes every key group's state to <paramref name="output"/> (the key-group-addressable format).</summary>
    KeyedStateSnapshotInfo SnapshotState(Stream output);

    /// <summary>Adds this subtask's key groups found in a snapshot (a seekable stream), reading only those sections.</summary>
    void RestoreState(Stream input);
}
