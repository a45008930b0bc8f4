namespace OrleansFlow.Tasks;

/// <summary>
/// A share of one operator state a task restores: elements <c>[Skip, Skip + Take)</c> of state
/// <paramref name="StateName"/> in the operator-state file <paramref name="Path"/> (whose size and checksum the task
/// verifies before it reads it). A broadcast state's share is the whole map.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskOperatorStateRestore")]
public sealed record TaskOperatorStateRestore(
    [property: Id(0)] string OperatorUid,
    [property: Id(1)] string Path,
    [property: Id(2)] long Size,
    [property: Id(3)] string Checksum,
    [property: Id(4)] string StateName,
    [property: Id(5)] int Skip,
    [property: Id(6)] int Take);
