namespace OrleansFlow.Savepoints;

/// <summary>The answer of <see cref="ISavepointGrain.ReadState"/>: one key's value as JSON, or why there is none.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.SavepointStateValue")]
public sealed record SavepointStateValue
{
    /// <summary><see cref="SavepointErrorKind.None"/> when the value was found.</summary>
    [Id(0)] public SavepointErrorKind Error { get; init; }

    /// <summary>What is wrong, when refused (e.g. <c>no value for key 42</c>).</summary>
    [Id(1)] public string? Message { get; init; }

    /// <summary>The key, parsed as the state's key type, as JSON (a number for <c>long</c>, a string for <c>string</c>).</summary>
    [Id(2)] public string? KeyJson { get; init; }

    /// <summary>The key's key group (as the runtime computes it; also set when the key has no value).</summary>
    [Id(3)] public int KeyGroup { get; init; } = -1;

    /// <summary>The value as JSON: a list state is an array, a map state an object (or an array of entries).</summary>
    [Id(4)] public string? ValueJson { get; init; }

    /// <summary>The state file the key group was read from (storage path).</summary>
    [Id(5)] public string? File { get; init; }

    /// <summary>For an operator state, its mode (<c>list</c>, <c>union</c>, <c>broadcast</c>); null for keyed state.</summary>
    [Id(6)] public string? Mode { get; init; }
}
