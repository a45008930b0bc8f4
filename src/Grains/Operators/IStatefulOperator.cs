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

    /// <summary>
    /// The synchronous phase of a checkpoint: captures the keyed state of <see cref="KeyGroups"/> copy-on-write, in time
    /// independent of its size. The caller writes the snapshot off the task's turn and disposes it on the task's turn in
    /// every outcome (<see cref="IKeyedStateSnapshot"/>).
    /// </summary>
    IKeyedStateSnapshot BeginSnapshot();

    /// <summary>
    /// Adds this subtask's key groups found in a snapshot (a seekable stream), reading only those sections and verifying
    /// them against <paramref name="checksums"/> when given (<see cref="InvalidDataException"/> on a mismatch).
    /// </summary>
    void RestoreState(Stream input, Checkpointing.StateFileSectionChecksums? checksums);
}
