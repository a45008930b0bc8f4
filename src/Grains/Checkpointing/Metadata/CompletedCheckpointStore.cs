using System.Globalization;
using Microsoft.Extensions.Logging;
using OrleansFlow.Storage;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// Writes and finds complete checkpoints and savepoints in <see cref="ICheckpointStorage"/> (invariant 5): a checkpoint
/// is complete when its <c>_metadata</c> exists; a restore uses the newest complete checkpoint whose metadata parses
/// and whose every state file exists with the size and checksum the metadata records, and says which newer ones it
/// passed over and why. Content problems (a corrupt or missing file) make a checkpoint skipped; storage errors
/// (the service unreachable) and cancellation propagate, so a transient outage never silently picks an older checkpoint.
/// </summary>
internal sealed partial class CompletedCheckpointStore(ICheckpointStorage storage, ILogger<CompletedCheckpointStore> logger)
{
    private const string CheckpointFolderPrefix = "chk-";

    /// <summary>
    /// Writes <c>{metadataFolder}/_metadata</c> atomically, the last step of completing a checkpoint; returns its path.
    /// </summary>
    public async Task<string> WriteMetadataAsync(CheckpointMetadata metadata, string metadataFolder, CancellationToken cancellationToken = default)
    {
        var bytes = CheckpointMetadataSerializer.Serialize(metadata);
        var path = MetadataPath(metadataFolder);
        await storage.WriteAsync(path, bytes, cancellationToken);
        LogMetadataWritten(metadata.Kind, metadata.CheckpointId, metadata.JobId, storage.DescribeLocation(path));
        return path;
    }

    /// <summary>
    /// The newest complete checkpoint of <paramref name="jobId"/> that verifies, and the newer complete ones that did
    /// not (each logged as a warning). Folders without <c>_metadata</c> (incomplete checkpoints) are ignored. The plan
    /// is null when no checkpoint verifies or the job has none.
    /// </summary>
    public async Task<RestoreSearchResult> FindLatestRestorableAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var skipped = new List<SkippedCheckpoint>();
        foreach (var checkpointId in await ListCompleteCheckpointsAsync(jobId, cancellationToken))
        {
            var folder = StoragePaths.Checkpoint(jobId, checkpointId);
            var (metadata, problem) = await TryReadAndVerifyAsync(folder, (jobId, checkpointId), cancellationToken);
            if (problem is null)
            {
                LogRestoring(jobId, checkpointId, skipped.Count);
                return new RestoreSearchResult(new RestorePlan(metadata!, folder), skipped);
            }
            skipped.Add(new SkippedCheckpoint(checkpointId, problem));
            LogSkipped(checkpointId, jobId, problem);
        }
        if (skipped.Count > 0) LogNoneRestorable(jobId, skipped.Count);
        return new RestoreSearchResult(null, skipped);
    }

    /// <summary>
    /// Reads and verifies the metadata in <paramref name="metadataFolder"/> (a savepoint's folder, wherever it was
    /// copied) and its state files as <paramref name="verification"/> says: throws <see cref="InvalidDataException"/>
    /// naming the file and the problem.
    /// </summary>
    public async Task<CheckpointMetadata> ReadAndVerifyAsync(
        string metadataFolder, StateFileVerification verification = StateFileVerification.WholeFiles, CancellationToken cancellationToken = default)
    {
        var (metadata, problem) = await TryReadAndVerifyAsync(metadataFolder, expected: null, cancellationToken, verification);
        if (problem is not null) throw new InvalidDataException($"The snapshot at {storage.DescribeLocation(MetadataPath(metadataFolder))} cannot be restored: {problem}");
        return metadata!;
    }

    /// <summary>The ids of <paramref name="jobId"/>'s checkpoints that have a <c>_metadata</c>, newest first.</summary>
    private Task<List<long>> ListCompleteCheckpointsAsync(string jobId, CancellationToken cancellationToken) =>
        ListCheckpointIdsAsync(jobId, completeOnly: true, cancellationToken);

    /// <summary>
    /// The ids of every <c>chk-{n}</c> folder of <paramref name="jobId"/> (with <paramref name="completeOnly"/>, only
    /// those with a <c>_metadata</c>), newest first.
    /// </summary>
    public async Task<List<long>> ListCheckpointIdsAsync(string jobId, bool completeOnly, CancellationToken cancellationToken = default)
    {
        var jobFolder = StoragePaths.Job(jobId) + "/";
        var ids = new List<long>();
        foreach (var path in await storage.ListAsync(StoragePaths.Job(jobId), cancellationToken))
        {
            if (!path.StartsWith(jobFolder, StringComparison.Ordinal)) continue;
            var rest = path.AsSpan(jobFolder.Length);
            var slash = rest.IndexOf('/');
            if (slash < 0 || (completeOnly && !rest[(slash + 1)..].SequenceEqual(StoragePaths.MetadataName))) continue;
            var name = rest[..slash];
            if (!name.StartsWith(CheckpointFolderPrefix, StringComparison.Ordinal)) continue;
            var number = name[CheckpointFolderPrefix.Length..];
            if (!long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
            if (!number.SequenceEqual(id.ToString(CultureInfo.InvariantCulture))) continue; // "chk-05" is not a name the layout makes
            if (completeOnly || !ids.Contains(id)) ids.Add(id);
        }
        ids.Sort((a, b) => b.CompareTo(a));
        return ids;
    }

    /// <summary>
    /// The metadata and null, or what is wrong (naming the file). With <paramref name="expected"/>, metadata of
    /// another job or checkpoint (a misplaced file) is a problem too, found before any state file is read.
    /// </summary>
    private async Task<(CheckpointMetadata? Metadata, string? Problem)> TryReadAndVerifyAsync(
        string metadataFolder, (string JobId, long CheckpointId)? expected, CancellationToken cancellationToken,
        StateFileVerification verification = StateFileVerification.WholeFiles)
    {
        var bytes = await storage.ReadAllAsync(MetadataPath(metadataFolder), cancellationToken);
        if (bytes is null) return (null, $"{StoragePaths.MetadataName}: missing");
        CheckpointMetadata metadata;
        try
        {
            metadata = CheckpointMetadataSerializer.Deserialize(bytes);
        }
        catch (InvalidDataException e)
        {
            return (null, $"{StoragePaths.MetadataName}: {e.Message}");
        }
        if (expected is var (jobId, checkpointId) && (metadata.JobId != jobId || metadata.CheckpointId != checkpointId))
            return (null, $"{StoragePaths.MetadataName}: describes checkpoint {metadata.CheckpointId} of job {metadata.JobId}, not checkpoint {checkpointId} of job {jobId}");

        var verified = new Dictionary<string, string?>(StringComparer.Ordinal); // a shared file is read once
        foreach (var op in metadata.Operators)
        {
            foreach (var state in op.States)
            {
                string path;
                try
                {
                    path = CheckpointMetadata.ResolvePath(metadataFolder, state.RelativePath);
                }
                catch (InvalidDataException e)
                {
                    return (null, $"{StoragePaths.MetadataName}: {e.Message}");
                }
                var key = $"{path}\n{state.Size}\n{state.Checksum}";
                if (!verified.TryGetValue(key, out var problem))
                {
                    verified[key] = problem = verification == StateFileVerification.ByRestoringTasks && state.SectionChecksums is not null
                        ? await CheckStateFileSizeAsync(path, state.Size, cancellationToken)
                        : await VerifyStateFileAsync(path, state.Size, state.Checksum, cancellationToken);
                }
                if (problem is not null) return (null, $"state file {path}: {problem}");
            }
            foreach (var file in op.OperatorStates)
            {
                string path;
                try
                {
                    path = CheckpointMetadata.ResolvePath(metadataFolder, file.RelativePath);
                }
                catch (InvalidDataException e)
                {
                    return (null, $"{StoragePaths.MetadataName}: {e.Message}");
                }
                var problem = verification == StateFileVerification.ByRestoringTasks // the tasks read these whole and verify them
                    ? await CheckStateFileSizeAsync(path, file.Size, cancellationToken)
                    : await VerifyStateFileAsync(path, file.Size, file.Checksum, cancellationToken);
                if (problem is not null) return (null, $"operator-state file {path}: {problem}");
            }
        }
        return (metadata, null);
    }

    /// <summary>Null when the file exists with the recorded size and checksum, else what differs.</summary>
    private async Task<string?> VerifyStateFileAsync(string path, long size, string expectedChecksum, CancellationToken cancellationToken)
    {
        if (!StateFileChecksum.IsSupported(expectedChecksum)) return $"checksum {expectedChecksum} uses an algorithm this version of OrleansFlow does not know";
        var stream = await storage.OpenReadAsync(path, cancellationToken);
        if (stream is null) return "missing";
        await using (stream)
        {
            if (stream.Length != size) return $"size {stream.Length} bytes expected {size}";
            var checksum = await StateFileChecksum.ComputeAsync(stream, cancellationToken);
            return checksum == expectedChecksum ? null : $"checksum {checksum} expected {expectedChecksum}";
        }
    }

    /// <summary>Null when the file exists with the recorded size (its content is verified by the tasks that read it).</summary>
    private async Task<string?> CheckStateFileSizeAsync(string path, long expected, CancellationToken cancellationToken) =>
        await storage.GetLengthAsync(path, cancellationToken) switch
        {
            null => "missing",
            var size when size != expected => $"size {size} bytes expected {expected}",
            _ => null,
        };

    private static string MetadataPath(string metadataFolder)
    {
        var folder = StoragePath.CheckPrefix(metadataFolder);
        return folder.Length == 0 ? StoragePaths.MetadataName : $"{folder}/{StoragePaths.MetadataName}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} {Id} of job {JobId} complete: metadata written to {Location}")]
    private partial void LogMetadataWritten(SnapshotKind kind, long id, string jobId, string location);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint {Id} of job {JobId} cannot be restored: {Reason}; falling back to an older one")]
    private partial void LogSkipped(long id, string jobId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} restores from checkpoint {Id} ({SkippedCount} newer checkpoints skipped)")]
    private partial void LogRestoring(string jobId, long id, int skippedCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "No complete checkpoint of job {JobId} can be restored: all {SkippedCount} failed verification")]
    private partial void LogNoneRestorable(string jobId, int skippedCount);
}
