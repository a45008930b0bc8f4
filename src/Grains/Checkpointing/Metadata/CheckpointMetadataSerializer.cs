using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// Reads and writes <see cref="CheckpointMetadata"/> as the <c>_metadata</c> file: indented UTF-8 JSON with camelCase
/// names, <c>formatVersion</c> first (DESIGN.md, "Versioned formats"), key-group ranges as <c>{"start","end"}</c>, the
/// kind as <c>"checkpoint"</c>/<c>"savepoint"</c>. Reading checks the version before anything else, then required
/// fields, then consistency (<see cref="CheckpointMetadata.FindProblems"/>); every failure is an
/// <see cref="InvalidDataException"/> whose message says what is wrong. Unknown properties are ignored.
/// </summary>
internal static class CheckpointMetadataSerializer
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        Converters = { new KeyGroupRangeJsonConverter(), new JsonStringEnumConverter<SnapshotKind>(JsonNamingPolicy.CamelCase, allowIntegerValues: false),
            new JsonStringEnumConverter<State.OperatorStateMode>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>
    /// The <c>_metadata</c> bytes of <paramref name="metadata"/>. Throws <see cref="ArgumentException"/> when the
    /// metadata is inconsistent or not of <see cref="CheckpointMetadata.CurrentFormatVersion"/>: it is never written.
    /// </summary>
    public static byte[] Serialize(CheckpointMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (metadata.FormatVersion != CheckpointMetadata.CurrentFormatVersion)
            throw new ArgumentException($"This version of OrleansFlow writes checkpoint metadata format version {CheckpointMetadata.CurrentFormatVersion}, not {metadata.FormatVersion}.", nameof(metadata));
        var problems = metadata.FindProblems();
        if (problems.Count > 0) throw new ArgumentException($"Checkpoint metadata is inconsistent: {string.Join("; ", problems)}.", nameof(metadata));
        return JsonSerializer.SerializeToUtf8Bytes(metadata, Options);
    }

    /// <summary>Reads <c>_metadata</c> bytes; throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static CheckpointMetadata Deserialize(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.IsEmpty) throw new InvalidDataException("Checkpoint metadata is empty.");
        var reader = new Utf8JsonReader(utf8Json);
        JsonElement root;
        try
        {
            root = JsonElement.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Checkpoint metadata is not valid JSON (truncated or corrupt): {e.Message}", e);
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"Checkpoint metadata must be a JSON object, not {root.ValueKind}.");
        if (!root.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var formatVersion))
            throw new InvalidDataException("Checkpoint metadata has no numeric formatVersion: it was not written by OrleansFlow, or is corrupt.");
        if (formatVersion is < CheckpointMetadata.OldestReadableFormatVersion or > CheckpointMetadata.CurrentFormatVersion)
            throw new InvalidDataException(
                $"Checkpoint metadata has format version {formatVersion}; this version of OrleansFlow reads versions {CheckpointMetadata.OldestReadableFormatVersion} to {CheckpointMetadata.CurrentFormatVersion}.");

        CheckpointMetadata? metadata;
        try
        {
            metadata = root.Deserialize<CheckpointMetadata>(Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Checkpoint metadata is invalid: {e.Message}", e);
        }
        if (metadata is null) throw new InvalidDataException("Checkpoint metadata is null.");
        var problems = metadata.FindProblems();
        if (problems.Count > 0) throw new InvalidDataException($"Checkpoint metadata is inconsistent: {string.Join("; ", problems)}.");
        return metadata;
    }
}
