using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using OrleansFlow.Storage;

namespace OrleansFlow.Savepoints;

/// <summary>
/// Inspects savepoints in <see cref="ICheckpointStorage"/> without running a job (the I/O edge; the decisions are in
/// <see cref="SavepointInfoBuilder"/>, <see cref="SavepointKeyParser"/>, <see cref="SnapshotKeyGroupReader"/> and
/// <see cref="StateEntryDecoder"/>). Refusals are <see cref="SavepointRequestException"/>s: an invalid name or key is
/// <see cref="SavepointErrorKind.InvalidRequest"/>; a savepoint folder without any object, an unknown operator or state,
/// or a key without value is <see cref="SavepointErrorKind.NotFound"/>; a missing or corrupt <c>_metadata</c>, a file
/// that is missing, of another size or checksum, outside the savepoint folder, or a type that cannot be loaded is
/// <see cref="SavepointErrorKind.Unprocessable"/>. Storage errors propagate. Thread-safe.
/// </summary>
internal sealed partial class SavepointInspector(
    ICheckpointStorage storage, CompletedCheckpointStore store, Serializer serializer, ILogger<SavepointInspector> logger)
{
    /// <summary>
    /// The most bytes of operator-state files one state route request reads (they are read whole and rendered as JSON):
    /// larger operator states are refused before anything is read.
    /// </summary>
    public const long MaxOperatorStateReadBytes = 64L << 20;

    private readonly SnapshotTypeResolver _types = new();

    /// <summary>Reads and verifies the savepoint (every file's size and CRC-64) and describes it.</summary>
    public async Task<SavepointInfo> InspectAsync(string name, CancellationToken cancellationToken = default)
    {
        var folder = await FindFolderAsync(name, cancellationToken);
        CheckpointMetadata metadata;
        try
        {
            metadata = await store.ReadAndVerifyAsync(folder, cancellationToken: cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw Unprocessable(name, e.Message, e);
        }
        CheckSelfContained(name, folder, metadata);

        var statesByOperator = new Dictionary<string, IReadOnlyList<SnapshotStateMetadata>>(StringComparer.Ordinal);
        foreach (var op in metadata.Operators)
        {
            var tables = new List<(string File, SnapshotStateMetadata[] States)>();
            foreach (var file in op.States.DistinctBy(f => f.RelativePath, StringComparer.Ordinal))
            {
                var path = CheckpointMetadata.ResolvePath(folder, file.RelativePath);
                await using var stream = await OpenStateFileAsync(name, path, file, cancellationToken);
                tables.Add((path, ReadFromFile(name, path, () => SnapshotKeyGroupReader.ReadStateTable(stream, metadata.MaxParallelism))));
            }
            statesByOperator[op.Uid] = ReadFromFile(name, folder, () => SavepointInfoBuilder.MergeStateTables(op.Uid, tables));
        }
        var metadataPath = $"{folder}/{StoragePaths.MetadataName}";
        var metadataSize = await storage.GetLengthAsync(metadataPath, cancellationToken) ?? 0;
        return SavepointInfoBuilder.Build(name, storage.DescribeLocation(metadataPath), metadata, metadataSize, statesByOperator);
    }

    /// <summary>
    /// The value of <paramref name="keyText"/> in state <paramref name="stateName"/> of <paramref name="operatorUid"/>:
    /// reads the <c>_metadata</c>, the state table of the operator's first file (for the key type), and then only the
    /// key's key group in the file that holds it. The files' whole-content checksums are not verified here (that would
    /// read every file); their sizes and the format's structure are.
    /// </summary>
    public async Task<SavepointStateValue> ReadStateAsync(string name, string operatorUid, string stateName, string? keyText, CancellationToken cancellationToken = default)
    {
        var folder = await FindFolderAsync(name, cancellationToken);
        var metadataPath = $"{folder}/{StoragePaths.MetadataName}";
        var bytes = await storage.ReadAllAsync(metadataPath, cancellationToken)
            ?? throw Unprocessable(name, $"{StoragePaths.MetadataName}: missing (the folder holds files but no metadata: an incomplete savepoint)");
        CheckpointMetadata metadata;
        try
        {
            metadata = CheckpointMetadataSerializer.Deserialize(bytes);
        }
        catch (InvalidDataException e)
        {
            throw Unprocessable(name, $"{StoragePaths.MetadataName}: {e.Message}", e);
        }
        CheckSelfContained(name, folder, metadata);

        var op = metadata.Operators.FirstOrDefault(o => o.Uid == operatorUid)
            ?? throw new SavepointRequestException(SavepointErrorKind.NotFound,
                $"Savepoint '{name}' has no operator '{operatorUid}'; its operators: {string.Join(", ", metadata.Operators.Select(o => o.Uid))}.");
        if (op.OperatorStates.Any(f => f.States.Any(s => s.Name == stateName)))
            return await ReadOperatorStateAsync(name, folder, op, stateName, keyText, cancellationToken);
        if (keyText is null)
            throw new SavepointRequestException(SavepointErrorKind.InvalidRequest, "The query parameter 'key' is required for keyed state: the key whose value to read, e.g. ?key=42.");
        var files = op.States.Select(f => (Path: CheckpointMetadata.ResolvePath(folder, f.RelativePath), File: f)).ToList();
        var state = await FindStateAsync(name, op, stateName, files, metadata.MaxParallelism, cancellationToken);

        var keyType = Resolve(name, state.KeyTypeName, stateName);
        var key = SavepointKeyParser.TryParse(keyText, keyType, state.KeyTypeName, out var keyProblem)
            ?? throw new SavepointRequestException(SavepointErrorKind.InvalidRequest, keyProblem);
        int keyGroup;
        try
        {
            keyGroup = KeyGroupAssignment.AssignToKeyGroup(key, metadata.MaxParallelism);
        }
        catch (NotSupportedException e)
        {
            throw new SavepointRequestException(SavepointErrorKind.InvalidRequest, e.Message, e);
        }
        var valueType = Resolve(name, state.ValueTypeName, stateName);
        var keyJson = StateValueJson.Render(key, keyType);

        var holder = files.FirstOrDefault(f => f.File.KeyGroups.Contains(keyGroup));
        if (holder.File is null) throw NoValue(keyText, keyGroup, stateName, $"no state file of operator '{operatorUid}' holds key group {keyGroup}");
        await using var stream = await OpenStateFileAsync(name, holder.Path, holder.File, cancellationToken);
        var (stored, chunks) = ReadFromFile(name, holder.Path, () => SnapshotKeyGroupReader.ReadKeyGroup(stream, metadata.MaxParallelism, keyGroup, stateName, holder.File.SectionChecksums));
        if (stored is null) throw NoValue(keyText, keyGroup, stateName, $"{holder.File.RelativePath} has no state '{stateName}'");
        if (stored.Value.KeyTypeName != state.KeyTypeName || stored.Value.ValueTypeName != state.ValueTypeName)
            throw Unprocessable(name, $"state file {holder.Path}: state '{stateName}' has other types than in {files[0].Path}");
        object? value = null;
        var hasValue = ReadFromFile(name, holder.Path, () =>
        {
            var found = StateEntryDecoder.TryFindValue(serializer, keyType, valueType, chunks, stateName, key, out var v);
            value = v;
            return found;
        });
        if (!hasValue) throw NoValue(keyText, keyGroup, stateName, null);
        return new SavepointStateValue { KeyJson = keyJson, KeyGroup = keyGroup, ValueJson = RenderValue(name, value, valueType, state.Name, state.ValueTypeName), File = holder.File.RelativePath };
    }

    /// <summary>
    /// An operator state's content: a list's (or union list's) elements of every subtask in subtask order, or the one
    /// copy of a broadcast map (one entry with <paramref name="keyText"/>). Every file read is verified whole.
    /// </summary>
    private async Task<SavepointStateValue> ReadOperatorStateAsync(
        string name, string folder, OperatorStateMetadata op, string stateName, string? keyText, CancellationToken cancellationToken)
    {
        var holders = op.OperatorStates.Where(f => f.States.Any(s => s.Name == stateName)).OrderBy(f => f.Subtask).ToList();
        var info = holders[0].States.First(s => s.Name == stateName);
        if (info.Mode == OperatorStateMode.Broadcast) holders = holders.Take(1).ToList();
        else if (keyText is not null)
            throw new SavepointRequestException(SavepointErrorKind.InvalidRequest, $"State '{stateName}' of operator '{op.Uid}' is a {SavepointInfoBuilder.ModeName(info.Mode)} operator state, which has no keys: omit ?key.");
        if (holders.Sum(f => f.Size) is var total && total > MaxOperatorStateReadBytes)
            throw Unprocessable(name, $"operator state '{stateName}' of '{op.Uid}' is in {total} bytes of files, more than the {MaxOperatorStateReadBytes} this route reads");
        var backend = new OperatorStateBackend(serializer, op.Uid);
        var shares = new List<(OperatorStateEntryInfo, ReadOnlyMemory<byte>, int, int)>();
        foreach (var file in holders)
        {
            var path = CheckpointMetadata.ResolvePath(folder, file.RelativePath);
            var bytes = await storage.ReadAllAsync(path, cancellationToken) ?? throw Unprocessable(name, $"operator-state file {path}: missing");
            if (bytes.Length != file.Size) throw Unprocessable(name, $"operator-state file {path}: size {bytes.Length} bytes expected {file.Size}");
            if (StateFileChecksum.Compute(bytes) is var checksum && checksum != file.Checksum) throw Unprocessable(name, $"operator-state file {path}: checksum {checksum} expected {file.Checksum}");
            var parsed = ReadFromFile(name, path, () => OperatorStateSnapshotFormat.Read(bytes));
            var (entry, payload) = parsed.FirstOrDefault(p => p.Info.Name == stateName);
            if (entry is null) throw Unprocessable(name, $"operator-state file {path} has no state '{stateName}' though the metadata lists it");
            shares.Add((entry, payload, 0, entry.Count));
        }
        ReadFromFile(name, folder, () =>
        {
            backend.Restore(shares);
            return true;
        });
        var contents = backend.Find(stateName)!.Contents;
        var result = new SavepointStateValue { Mode = SavepointInfoBuilder.ModeName(info.Mode), File = holders[0].RelativePath };
        if (keyText is null) return result with { ValueJson = RenderValue(name, contents, contents.GetType(), stateName, info.ValueTypeName) };

        var keyType = Resolve(name, info.KeyTypeName!, stateName);
        var key = SavepointKeyParser.TryParse(keyText, keyType, info.KeyTypeName!, out var keyProblem)
            ?? throw new SavepointRequestException(SavepointErrorKind.InvalidRequest, keyProblem);
        var map = (System.Collections.IDictionary)contents;
        if (!map.Contains(key))
            throw new SavepointRequestException(SavepointErrorKind.NotFound, $"No entry for key {keyText} in broadcast state '{stateName}' of operator '{op.Uid}'.");
        return result with
        {
            KeyJson = StateValueJson.Render(key, keyType),
            ValueJson = RenderValue(name, map[key], Resolve(name, info.ValueTypeName, stateName), stateName, info.ValueTypeName),
        };
    }

    /// <summary>Deletes every object under <c>savepoints/{name}/</c>; returns how many.</summary>
    public async Task<int> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var folder = await FindFolderAsync(name, cancellationToken);
        var deleted = await storage.DeletePrefixAsync(folder, cancellationToken);
        if (deleted == 0) throw NotFound(name);
        LogDeleted(name, deleted, storage.DescribeLocation(folder));
        return deleted;
    }

    /// <summary><c>savepoints/{name}</c> after checking the name and that the folder holds at least one object.</summary>
    private async Task<string> FindFolderAsync(string name, CancellationToken cancellationToken)
    {
        if (SavepointNames.FindProblem(name) is { } problem) throw new SavepointRequestException(SavepointErrorKind.InvalidRequest, problem);
        var folder = StoragePaths.Savepoint(name);
        if (!folder.StartsWith(StoragePaths.SavepointsFolder + "/", StringComparison.Ordinal) || folder.Count(c => c == '/') != 1)
            throw new SavepointRequestException(SavepointErrorKind.InvalidRequest, $"Savepoint name '{name}' does not address one folder under {StoragePaths.SavepointsFolder}/.");
        if ((await storage.ListAsync(folder, cancellationToken)).Count == 0) throw NotFound(name);
        return folder;
    }

    private async Task<SnapshotStateMetadata> FindStateAsync(
        string name, OperatorStateMetadata op, string stateName, List<(string Path, StateFileMetadata File)> files, int maxParallelism, CancellationToken cancellationToken)
    {
        var known = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, file) in files.DistinctBy(f => f.Path, StringComparer.Ordinal))
        {
            await using var stream = await OpenStateFileAsync(name, path, file, cancellationToken);
            var table = ReadFromFile(name, path, () => SnapshotKeyGroupReader.ReadStateTable(stream, maxParallelism, file.SectionChecksums));
            foreach (var state in table)
            {
                if (state.Name == stateName) return state;
                known.Add(state.Name);
            }
            if (known.Count > 0) break; // every file of an operator lists the same states
        }
        throw new SavepointRequestException(SavepointErrorKind.NotFound, known.Count == 0
            ? $"Operator '{op.Uid}' of savepoint '{name}' has no keyed state, so no state '{stateName}'."
            : $"Operator '{op.Uid}' of savepoint '{name}' has no state '{stateName}'; its states: {string.Join(", ", known)}.");
    }

    private async Task<Stream> OpenStateFileAsync(string name, string path, StateFileMetadata file, CancellationToken cancellationToken)
    {
        var stream = await storage.OpenReadAsync(path, cancellationToken) ?? throw Unprocessable(name, $"state file {path}: missing");
        if (stream.Length == file.Size) return stream;
        var length = stream.Length;
        await stream.DisposeAsync();
        throw Unprocessable(name, $"state file {path}: size {length} bytes expected {file.Size}");
    }

    private Type Resolve(string name, string typeName, string stateName) =>
        _types.TryResolve(typeName, out var type, out var problem)
            ? type
            : throw Unprocessable(name, $"state '{stateName}': {problem}");

    private string RenderValue(string name, object? value, Type valueType, string stateName, string valueTypeName)
    {
        try
        {
            return StateValueJson.Render(value, valueType);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or System.Text.Json.JsonException or ArgumentException)
        {
            throw Unprocessable(name, $"state '{stateName}': its value of type {valueTypeName} cannot be shown as JSON ({e.Message})", e);
        }
    }

    private T ReadFromFile<T>(string name, string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw Unprocessable(name, $"state file {path}: {e.Message}", e);
        }
    }

    private void CheckSelfContained(string name, string folder, CheckpointMetadata metadata)
    {
        foreach (var file in metadata.Operators.SelectMany(o => o.States.Select(f => f.RelativePath).Concat(o.OperatorStates.Select(f => f.RelativePath))))
        {
            string path;
            try
            {
                path = CheckpointMetadata.ResolvePath(folder, file);
            }
            catch (InvalidDataException e)
            {
                throw Unprocessable(name, $"{StoragePaths.MetadataName}: {e.Message}", e);
            }
            if (!path.StartsWith(folder + "/", StringComparison.Ordinal))
                throw Unprocessable(name, $"{StoragePaths.MetadataName}: state file '{file}' lies outside the savepoint folder; a savepoint must be self-contained");
        }
    }

    private SavepointRequestException Unprocessable(string name, string problem, Exception? inner = null)
    {
        LogUnreadable(name, problem);
        return new SavepointRequestException(SavepointErrorKind.Unprocessable, $"Savepoint '{name}' cannot be read: {problem}.", inner);
    }

    private static SavepointRequestException NotFound(string name) =>
        new(SavepointErrorKind.NotFound, $"Savepoint '{name}' not found (nothing under {StoragePaths.Savepoint(name)}/).");

    private static SavepointRequestException NoValue(string keyText, int keyGroup, string stateName, string? why) =>
        new(SavepointErrorKind.NotFound, $"No value for key {keyText} in state '{stateName}' (key group {keyGroup}{(why is null ? "" : $"; {why}")}).");

    [LoggerMessage(Level = LogLevel.Information, Message = "Savepoint {Name} deleted: {Count} files under {Location}")]
    private partial void LogDeleted(string name, int count, string location);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Savepoint {Name} cannot be read: {Problem}")]
    private partial void LogUnreadable(string name, string problem);
}
