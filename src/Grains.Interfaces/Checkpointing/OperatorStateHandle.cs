namespace OrleansFlow.Checkpointing;

/// <summary>The operator-state file one task wrote for one operator of its chain for a checkpoint (invariant 5: sized and checksummed).</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.OperatorStateHandle")]
public sealed record OperatorStateHandle
{
    /// <summary>The operator's uid.</summary>
    [Id(0)] public required string OperatorUid { get; init; }

    /// <summary>The file's storage path.</summary>
    [Id(1)] public required string Path { get; init; }

    /// <summary>The file's size in bytes.</summary>
    [Id(2)] public required long Size { get; init; }

    /// <summary>The file's checksum (<c>crc64:…</c>).</summary>
    [Id(3)] public required string Checksum { get; init; }

    /// <summary>The states in the file.</summary>
    [Id(4)] public IReadOnlyList<OperatorStateEntryInfo> States { get; init; } = [];
}
