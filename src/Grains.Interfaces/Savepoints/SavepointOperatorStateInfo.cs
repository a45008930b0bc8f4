namespace OrleansFlow.Savepoints;

/// <summary>One operator (non-keyed) state of an operator in a savepoint.</summary>
/// <param name="Name">The state's name.</param>
/// <param name="Mode"><c>list</c> (even split on rescale), <c>union</c> or <c>broadcast</c>.</param>
/// <param name="KeyType">A broadcast map's key type, else null.</param>
/// <param name="ValueType">The element type of a list, the value type of a broadcast map.</param>
/// <param name="Count">Elements over all subtasks (list, union), entries of the one copy (broadcast).</param>
/// <param name="CountsBySubtask">Per subtask that wrote the state, its element count.</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointOperatorStateInfo")]
public sealed record SavepointOperatorStateInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Mode,
    [property: Id(2)] string? KeyType,
    [property: Id(3)] string ValueType,
    [property: Id(4)] long Count,
    [property: Id(5)] IReadOnlyDictionary<int, int> CountsBySubtask);
