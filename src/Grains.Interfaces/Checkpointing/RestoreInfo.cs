namespace OrleansFlow.Checkpointing;

/// <summary>The checkpoint an attempt restored from, and the newer ones it passed over with the reason (Flink's <c>latest.restored</c>).</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.RestoreInfo")]
public sealed record RestoreInfo
{
    /// <summary>The restored checkpoint's id.</summary>
    [Id(0)] public long CheckpointId { get; init; }

    /// <summary>Where its metadata is.</summary>
    [Id(1)] public string? Path { get; init; }

    /// <summary>When the restore happened.</summary>
    [Id(2)] public DateTimeOffset RestoreTime { get; init; }

    /// <summary>Newer checkpoints that could not be restored, each with why (a corrupt or missing file, unreadable metadata).</summary>
    [Id(3)] public IReadOnlyList<string> Skipped { get; init; } = [];
}
