namespace OrleansFlow.Savepoints;

/// <summary>What a savepoint holds, read from its <c>_metadata</c> and the state tables of its files.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointInfo")]
public sealed record SavepointInfo
{
    /// <summary>The savepoint's name (its folder under <c>savepoints/</c>).</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary><c>savepoint</c>, or <c>checkpoint</c> for a checkpoint folder copied there.</summary>
    [Id(1)] public required string Kind { get; init; }

    /// <summary>The job that took it.</summary>
    [Id(2)] public required string JobId { get; init; }

    /// <summary>The job's name.</summary>
    [Id(3)] public required string JobName { get; init; }

    /// <summary>The checkpoint id it was taken as.</summary>
    [Id(4)] public long CheckpointId { get; init; }

    /// <summary>The job's max parallelism (number of key groups).</summary>
    [Id(5)] public int MaxParallelism { get; init; }

    /// <summary>The metadata's format version.</summary>
    [Id(6)] public int FormatVersion { get; init; }

    /// <summary>When it was triggered.</summary>
    [Id(7)] public DateTimeOffset TriggerTime { get; init; }

    /// <summary>When every task had acknowledged it.</summary>
    [Id(8)] public DateTimeOffset CompletionTime { get; init; }

    /// <summary>Bytes of the <c>_metadata</c> and every state file.</summary>
    [Id(9)] public long TotalSize { get; init; }

    /// <summary>Where its <c>_metadata</c> is (a file path or a blob URI).</summary>
    [Id(10)] public required string Location { get; init; }

    /// <summary>Every operator in the metadata, by uid (ordinal order).</summary>
    [Id(11)] public IReadOnlyList<SavepointOperatorInfo> Operators { get; init; } = [];
}
