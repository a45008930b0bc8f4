using System.Globalization;

namespace OrleansFlow.Storage;

/// <summary>
/// The storage layout of DESIGN.md, built in this one place:
/// <c>jobs/{jobId}/job.json</c>, <c>jobs/{jobId}/chk-{n}/{vertexUid}-{subtask}</c>, <c>jobs/{jobId}/chk-{n}/_metadata</c>,
/// <c>jobs/{jobId}/shared/…</c>, <c>savepoints/{name}/_metadata</c> and files.
/// </summary>
public static class StoragePaths
{
    /// <summary>The name of a checkpoint's or savepoint's metadata object, written last.</summary>
    public const string MetadataName = "_metadata";

    /// <summary>The folder of every job.</summary>
    public const string JobsFolder = "jobs";

    /// <summary>The folder of every savepoint.</summary>
    public const string SavepointsFolder = "savepoints";

    /// <summary><c>jobs/{jobId}</c>.</summary>
    public static string Job(string jobId) => StoragePath.Check($"{JobsFolder}/{Segment(jobId)}");

    /// <summary><c>jobs/{jobId}/job.json</c>: the job's spec and control state.</summary>
    public static string JobFile(string jobId) => $"{Job(jobId)}/job.json";

    /// <summary><c>jobs/{jobId}/chk-{n}</c>.</summary>
    public static string Checkpoint(string jobId, long checkpointId) =>
        $"{Job(jobId)}/chk-{checkpointId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>jobs/{jobId}/chk-{n}/{vertexUid}-{subtask}</c>: the state file of one task.</summary>
    public static string StateFile(string jobId, long checkpointId, string vertexUid, int subtask) =>
        $"{Checkpoint(jobId, checkpointId)}/{Segment(vertexUid)}-{subtask.ToString(CultureInfo.InvariantCulture)}";

    /// <summary><c>{folder}/{vertexUid}-{subtask}</c>: a task's state file in a savepoint folder.</summary>
    public static string SnapshotFile(string folder, string vertexUid, int subtask) =>
        $"{StoragePath.CheckPrefix(folder).TrimEnd('/')}/{Segment(vertexUid)}-{subtask.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// <c>{folder}/{vertexUid}-{subtask}.op</c>: a task's operator-state file for one operator, in a checkpoint or
    /// savepoint folder (a keyed state file's name ends in digits, so the two never collide).
    /// </summary>
    public static string OperatorStateFile(string folder, string operatorUid, int subtask) => SnapshotFile(folder, operatorUid, subtask) + ".op";

    /// <summary><c>jobs/{jobId}/chk-{n}/_metadata</c>.</summary>
    public static string CheckpointMetadata(string jobId, long checkpointId) => $"{Checkpoint(jobId, checkpointId)}/{MetadataName}";

    /// <summary><c>jobs/{jobId}/shared/{name}</c>: a file several checkpoints share.</summary>
    public static string Shared(string jobId, string name) => $"{Job(jobId)}/shared/{Segment(name)}";

    /// <summary><c>savepoints/{name}</c>.</summary>
    public static string Savepoint(string name) => $"{SavepointsFolder}/{Segment(name)}";

    /// <summary><c>savepoints/{name}/_metadata</c>.</summary>
    public static string SavepointMetadata(string name) => $"{Savepoint(name)}/{MetadataName}";

    private static string Segment(string value)
    {
        StoragePath.Check(value);
        if (value.Contains('/')) throw new ArgumentException($"'{value}' must be a single path segment (no '/').", nameof(value));
        return value;
    }
}
