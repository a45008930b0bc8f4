namespace OrleansFlow.Tasks;

/// <summary>A task's counters and the silo it runs on.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskMetrics")]
public readonly record struct TaskMetrics(
    [property: Id(0)] long RecordsIn,
    [property: Id(1)] long RecordsOut,
    [property: Id(2)] string? Host = null);
