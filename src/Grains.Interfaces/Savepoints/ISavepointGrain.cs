using Orleans.Concurrency;

namespace OrleansFlow.Savepoints;

/// <summary>
/// Inspects and deletes savepoints (<c>savepoints/{name}/</c> in the cluster's checkpoint storage) without running a
/// job. A stateless worker (key 0): each call reads storage afresh, so it answers from any silo, and the REST API
/// reaches it also as a standalone Orleans client without storage access. Refusals are results, not exceptions:
/// each answer carries a <see cref="SavepointErrorKind"/> and a message a person can act on.
/// </summary>
[Alias("OrleansFlow.ISavepointGrain")]
public interface ISavepointGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Reads and verifies the savepoint <paramref name="name"/> (metadata, every file's size and CRC-64) and describes
    /// it: job, checkpoint id, max parallelism, operators with their states, files, key-group sizes and source offsets.
    /// </summary>
    [Alias("Inspect"), ReadOnly]
    Task<SavepointInspection> Inspect(string name);

    /// <summary>
    /// The value of key <paramref name="key"/> (text, parsed as the state's key type) in state
    /// <paramref name="stateName"/> of operator <paramref name="operatorUid"/>, reading only that key's key group. For
    /// an operator (non-keyed) state: a list's elements over all subtasks (no key), or a broadcast map (whole without a
    /// key, one entry with one).
    /// </summary>
    [Alias("ReadState"), ReadOnly]
    Task<SavepointStateValue> ReadState(string name, string operatorUid, string stateName, string? key);

    /// <summary>Deletes every file of the savepoint <paramref name="name"/>.</summary>
    [Alias("Delete")]
    Task<SavepointDeletion> Delete(string name);
}
