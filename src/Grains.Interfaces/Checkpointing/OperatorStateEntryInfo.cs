using OrleansFlow.State;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// One operator state in an operator-state file: its name, redistribution mode, types, element count and where its
/// serialized elements are in the file. The same record is in task acknowledgements and in <c>_metadata</c>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.OperatorStateEntryInfo")]
public sealed record OperatorStateEntryInfo
{
    /// <summary>The state's name (its descriptor's).</summary>
    [Id(0)] public required string Name { get; init; }

    /// <summary>How it is redistributed on rescale.</summary>
    [Id(1)] public required OperatorStateMode Mode { get; init; }

    /// <summary>The map's key type of a broadcast state (assembly-qualified without version), else null.</summary>
    [Id(2)] public string? KeyTypeName { get; init; }

    /// <summary>The element type of a list, the value type of a broadcast map.</summary>
    [Id(3)] public required string ValueTypeName { get; init; }

    /// <summary>The number of elements (list) or entries (map).</summary>
    [Id(4)] public required int Count { get; init; }

    /// <summary>The offset of the serialized elements in the file.</summary>
    [Id(5)] public required long Offset { get; init; }

    /// <summary>Their length in bytes.</summary>
    [Id(6)] public required long Length { get; init; }
}
