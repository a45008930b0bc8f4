using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansFlow.Storage;

namespace OrleansFlow.Jobs;

/// <summary>Reads and writes <c>jobs/{jobId}/job.json</c> (versioned JSON) in the checkpoint storage.</summary>
internal sealed class JobStore(ICheckpointStorage storage)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public Task SaveAsync(JobRecord record, CancellationToken cancellationToken = default) =>
        storage.WriteAsync(StoragePaths.JobFile(record.JobId), JsonSerializer.SerializeToUtf8Bytes(record, Json), cancellationToken);

    /// <summary>Deletes the job's record (a submission that was refused after it was saved).</summary>
    public Task DeleteAsync(string jobId, CancellationToken cancellationToken = default) =>
        storage.DeleteAsync(StoragePaths.JobFile(jobId), cancellationToken);

    /// <summary>The job's record, or null when it has none. Throws <see cref="InvalidDataException"/> on an unreadable one.</summary>
    public async Task<JobRecord?> LoadAsync(string jobId, CancellationToken cancellationToken = default)
    {
        var bytes = await storage.ReadAllAsync(StoragePaths.JobFile(jobId), cancellationToken);
        if (bytes is null) return null;
        JobRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<JobRecord>(bytes, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{storage.DescribeLocation(StoragePaths.JobFile(jobId))} is not a valid job file: {e.Message}", e);
        }
        if (record is null || record.FormatVersion != JobRecord.CurrentFormatVersion)
            throw new InvalidDataException($"{storage.DescribeLocation(StoragePaths.JobFile(jobId))} has format version {record?.FormatVersion}; this version reads {JobRecord.CurrentFormatVersion}.");
        return record;
    }

    /// <summary>The ids of every job that has a <c>job.json</c>.</summary>
    public async Task<IReadOnlyList<string>> ListJobIdsAsync(CancellationToken cancellationToken = default)
    {
        var paths = await storage.ListAsync(StoragePaths.JobsFolder, cancellationToken);
        return paths.Where(p => p.EndsWith("/job.json", StringComparison.Ordinal) && p.Count(c => c == '/') == 2)
            .Select(p => p.Split('/')[1])
            .ToList();
    }
}
