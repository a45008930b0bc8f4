using System.Buffers.Binary;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using OrleansFlow.Checkpointing;
using OrleansFlow.Tests.Rest;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>
/// Savepoints of a real <c>keyed-sum</c> run for the REST tests: one bounded run per silo host (200 000 events, 1 000
/// keys, parallelism 2, rate-limited so it is still running when checkpoint n is triggered through the API), whose
/// completed <c>jobs/{id}/chk-n/</c> folder is copied to <c>savepoints/{name}/</c> with its metadata's kind set to
/// savepoint (the relative paths make it relocatable, as a savepoint written by the job would be).
/// </summary>
internal static class KeyedSumSavepoints
{
    public const long Events = 200_000;
    public const long Keys = 1_000;
    public const int Parallelism = 2;
    private static readonly ConditionalWeakTable<SiloHostFixture, Task<(string JobId, long CheckpointId, long[] Offsets)>> Runs = [];

    public static string DataDirectory(SiloHostFixture host) => Path.Combine(host.TempDirectory, "data");

    /// <summary>The run's job id, the checkpoint's id, and each source subtask's offset in it (events it emitted before the barrier).</summary>
    public static Task<(string JobId, long CheckpointId, long[] Offsets)> CheckpointAsync(SiloHostFixture host)
    {
        lock (Runs) return Runs.GetValue(host, h => RunAsync(h.Client));
    }

    /// <summary>Copies the run's checkpoint to <c>savepoints/{name}/</c>; returns that folder.</summary>
    public static async Task<string> CreateAsync(SiloHostFixture host, string name)
    {
        var (jobId, checkpointId, _) = await CheckpointAsync(host);
        var source = Path.Combine(DataDirectory(host), "jobs", jobId, $"chk-{checkpointId}");
        var target = Path.Combine(DataDirectory(host), "savepoints", name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        var metadataFile = Path.Combine(target, "_metadata");
        var metadata = CheckpointMetadataSerializer.Deserialize(await File.ReadAllBytesAsync(metadataFile));
        await File.WriteAllBytesAsync(metadataFile, CheckpointMetadataSerializer.Serialize(metadata with { Kind = SnapshotKind.Savepoint }));
        return target;
    }

    /// <summary>Key <paramref name="key"/>'s sum in the checkpoint, or null when none of its events was before the barrier.</summary>
    public static long? ExpectedSum(long[] offsets, long key)
    {
        long sum = 0, count = 0;
        for (var subtask = 0; subtask < offsets.Length; subtask++)
        {
            for (long j = 0, i = subtask; j < offsets[subtask]; j++, i += offsets.Length)
            {
                if (i % Keys != key) continue;
                sum += i;
                count++;
            }
        }
        return count == 0 ? null : sum;
    }

    /// <summary>
    /// Read from the file itself: the bytes between the end of its state table and the start of its offset index,
    /// where the key-group sections lie back to back.
    /// </summary>
    public static long SectionBytesOf(byte[] file)
    {
        var stateTableLength = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(20));
        var indexOffset = BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(file.Length - 24));
        return indexOffset - (24 + stateTableLength);
    }

    private static async Task<(string JobId, long CheckpointId, long[] Offsets)> RunAsync(HttpClient client)
    {
        var jobId = await SubmitAsync(client,
            $$$"""{"job":"keyed-sum","parallelism":{{{Parallelism}}},"args":{"events":{{{Events}}},"keys":{{{Keys}}},"rate":40000},"checkpointing":{"retained":5}}""");
        await WaitForStatusAsync(client, jobId, "RUNNING");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var triggered = await ReadJsonAsync(await client.PostAsync($"jobs/{jobId}/checkpoints", null), HttpStatusCode.Accepted);
        var checkpointId = triggered.GetProperty("checkpointId").GetInt64();

        var deadline = DateTime.UtcNow + PollDeadline;
        JsonElement details;
        while (true)
        {
            details = await ReadJsonAsync(await client.GetAsync($"jobs/{jobId}/checkpoints/details/{checkpointId}"), HttpStatusCode.OK);
            var status = details.GetProperty("status").GetString();
            if (status == "COMPLETED") break;
            Assert.True(status == "IN_PROGRESS" && DateTime.UtcNow < deadline, $"Checkpoint {checkpointId} of job {jobId}: {details}");
            await Task.Delay(PollInterval);
        }
        var offsets = new long[OrleansFlow.Connectors.GeneratorSource<long>.DefaultSplits]; // by split: split j emits j, j + n, j + 2n, …
        foreach (var task in details.GetProperty("tasks").EnumerateArray())
        {
            if (!task.GetProperty("source_offsets").TryGetProperty("source", out var splits)) continue;
            foreach (var split in splits.EnumerateObject()) offsets[int.Parse(split.Name, System.Globalization.CultureInfo.InvariantCulture)] = split.Value.GetInt64();
        }
        await WaitForStatusAsync(client, jobId, "FINISHED");
        return (jobId, checkpointId, offsets);
    }
}
