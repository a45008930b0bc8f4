namespace OrleansFlow.Savepoints;

/// <summary>One keyed state of an operator in a savepoint, as its files' state tables name it.</summary>
/// <param name="Name">The state's name.</param>
/// <param name="Kind"><c>ValueState</c>, <c>ListState</c>, <c>MapState</c>, <c>ReducingState</c> or <c>AggregatingState</c>.</param>
/// <param name="KeyType">The key type, e.g. <c>System.Int64</c>.</param>
/// <param name="ValueType">The stored value type, e.g. <c>System.Collections.Generic.List&lt;System.String&gt;</c> for a list state.</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointStateInfo")]
public sealed record SavepointStateInfo(
    [property: Id(0)] string Name,
    [property: Id(1)] string Kind,
    [property: Id(2)] string KeyType,
    [property: Id(3)] string ValueType);
