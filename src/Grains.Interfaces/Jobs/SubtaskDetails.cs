namespace OrleansFlow.Jobs;

/// <summary>One subtask of a vertex: where it runs and its counters.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SubtaskDetails")]
public sealed record SubtaskDetails(
    [property: Id(0)] int Subtask,
    [property: Id(1)] string? Host,
    [property: Id(2)] long RecordsIn,
    [property: Id(3)] long RecordsOut,
    [property: Id(4)] long InputWatermark = long.MinValue,
    [property: Id(5)] long LateRecordsDropped = 0);
