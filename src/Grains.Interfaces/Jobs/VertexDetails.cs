namespace OrleansFlow.Jobs;

/// <summary>One vertex (chain of operators) of a job with its counters, summed over its subtasks.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.VertexDetails")]
public sealed record VertexDetails
{
    /// <summary>The uid of the chain's first operator.</summary>
    [Id(0)] public required string Uid { get; init; }

    /// <summary>The uids of the chained operators, in order.</summary>
    [Id(1)] public required IReadOnlyList<string> Operators { get; init; }

    /// <summary>The vertex's parallelism.</summary>
    [Id(2)] public required int Parallelism { get; init; }

    /// <summary>Records received from upstream vertices.</summary>
    [Id(3)] public long RecordsIn { get; init; }

    /// <summary>Records sent to downstream vertices.</summary>
    [Id(4)] public long RecordsOut { get; init; }

    /// <summary>The vertex's input watermark: the minimum over its subtasks' (<see cref="long.MinValue"/> before the first).</summary>
    [Id(6)] public long InputWatermark { get; init; } = long.MinValue;

    /// <summary>Records dropped as too late for event time, summed over the subtasks (Flink's <c>numLateRecordsDropped</c>).</summary>
    [Id(7)] public long LateRecordsDropped { get; init; }

    /// <summary>Each subtask: its silo and counters.</summary>
    [Id(5)] public IReadOnlyList<SubtaskDetails> Subtasks { get; init; } = [];
}
