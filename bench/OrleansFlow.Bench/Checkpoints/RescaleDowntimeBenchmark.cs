using System.Diagnostics;
using System.Globalization;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Rescale downtime by state size: per storage and target size, a fresh silo runs <see cref="StateFillJob"/> at
/// parallelism <see cref="CheckpointBenchOptions.RescaleFrom"/> with periodic checkpoints off; once every key is in the
/// state, each round rescales the same job to <see cref="CheckpointBenchOptions.RescaleTo"/> and back
/// (<see cref="IJobManagerGrain.TriggerSavepoint"/> with <see cref="SavepointMode.Rescale"/>), reading the job
/// manager's downtime (stop barrier → sources of the new attempt reading) and timing trigger → COMPLETED, then writes
/// the savepoint's state bytes as one object and reads it back, with the plain platform API and through
/// <c>ICheckpointStorage</c> on the same storage (deleted again). The state bytes are the sum of the savepoint's files
/// other than <c>_metadata</c>, listed through <c>ICheckpointStorage</c>. A forced full GC and a 200 ms pause precede
/// every timed step. A 1 MB pass on every storage warms up first (not reported).
/// </summary>
public sealed class RescaleDowntimeBenchmark(BenchStorageFactory storages, TextWriter output)
{
    private const int ReadChunk = 1 << 20;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>Runs every (storage, size) and prints the table; returns the number that failed.</summary>
    public async Task<int> RunAsync(CheckpointBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rescale-downtime: state job p={CheckpointBenchOptions.RescaleFrom}, {options.PayloadBytes:N0} bytes per key, {options.Rounds} round(s) of p {CheckpointBenchOptions.RescaleFrom}→{CheckpointBenchOptions.RescaleTo}→{CheckpointBenchOptions.RescaleFrom} and raw write/read per size"));
        return await StorageSizeMatrix.RunAsync(options, output, warmupRounds: 1, RescaleResult.Header(), columns: 11,
            async (kind, size, rounds, label) => (await MeasureAsync(kind, size, options.PayloadBytes, rounds, label)).FormatRows().ToList());
    }

    private async Task<RescaleResult> MeasureAsync(StorageKind kind, long target, int payload, int rounds, string label)
    {
        var name = $"{kind.ToString().ToLowerInvariant()} {ByteSize.Format(target)}";
        await using var storage = await storages.CreateAsync(kind);
        await using var silo = await BenchSilo.StartAsync(storage);
        var jobId = await StateFillRun.StartFilledAsync(silo, target, payload, CheckpointBenchOptions.RescaleFrom, Timeout, output, label, name);
        var rescales = new List<RescaleSample>();
        var raw = new List<RawBandwidthSample>();
        try
        {
            byte[]? buffer = null;
            for (var round = 1; round <= rounds; round++)
            {
                foreach (var to in new[] { CheckpointBenchOptions.RescaleTo, CheckpointBenchOptions.RescaleFrom })
                {
                    await StateFillRun.SettleAsync();
                    var sample = await RescaleAsync(silo, storage, jobId, to);
                    rescales.Add(sample);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {label} {name} round {round}: p {sample.From}→{sample.To}: downtime {sample.Downtime.TotalMilliseconds:0} ms, trigger → COMPLETED {sample.Wall.TotalMilliseconds:0} ms, savepoint {ByteSize.Format(sample.StateBytes)} in {sample.Files} files at {sample.Location}"));
                }

                var bytes = rescales[^2].StateBytes;
                if (buffer is null || buffer.Length != bytes)
                {
                    buffer = GC.AllocateUninitializedArray<byte>(checked((int)bytes));
                    Random.Shared.NextBytes(buffer);
                }
                raw.Add(await MeasureRawAsync(storage, buffer));
                var r = raw[^1];
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {label} {name} round {round}: raw {ByteSize.Format(bytes)}: write plain {r.WritePlain * 1000:0} ms, ICheckpointStorage {r.WriteStorageApi * 1000:0} ms; read plain {r.ReadPlain * 1000:0} ms, OpenReadAsync {r.ReadOpenRead * 1000:0} ms, ReadAllAsync {r.ReadAll * 1000:0} ms"));
            }
            var stats = await silo.GetCheckpointStatsAsync(jobId);
            if (stats.Failed > 0) throw new InvalidOperationException($"{stats.Failed} checkpoint(s) failed.");
        }
        finally
        {
            await silo.CancelAsync(jobId);
        }
        return new RescaleResult(storage.Name, target, rescales, raw);
    }

    /// <summary>Rescales the running job to <paramref name="to"/>, waits until COMPLETED and RUNNING at <paramref name="to"/>, and measures the savepoint.</summary>
    private static async Task<RescaleSample> RescaleAsync(BenchSilo silo, BenchStorage storage, string jobId, int to)
    {
        var manager = silo.Grains.GetGrain<IJobManagerGrain>(jobId);
        var before = await manager.GetDetails() ?? throw new InvalidOperationException($"Job {jobId} does not exist.");
        var from = before.Vertices.Single(v => v.Uid == StateFillJob.StateUid).Parallelism;
        var watch = Stopwatch.StartNew();
        var trigger = await manager.TriggerSavepoint(new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = to });
        if (trigger.Refusal != SavepointRefusal.None || trigger.TriggerId is null)
            throw new InvalidOperationException($"Rescale to {to} refused: {trigger.Refusal}: {trigger.Message}");
        SavepointStatus status;
        while (true)
        {
            status = await manager.GetSavepoint(trigger.TriggerId)
                ?? throw new InvalidOperationException($"Rescale {trigger.TriggerId} is unknown.");
            if (status.Status != SavepointStatusKind.InProgress) break;
            if (watch.Elapsed > Timeout) throw new TimeoutException($"Rescale to {to} not complete within {Timeout}.");
            await Task.Delay(10);
        }
        var wall = watch.Elapsed;
        if (status.Status != SavepointStatusKind.Completed)
            throw new InvalidOperationException($"Rescale to {to} {status.Status}: {status.FailureCause}");
        if (status.Downtime is not { } downtime) throw new InvalidOperationException($"Rescale to {to} completed without a downtime.");
        var location = status.Location ?? throw new InvalidOperationException($"Rescale to {to} completed without a location.");
        await silo.WaitForJobAsync(jobId,
            d => d.Status == JobStatus.Running && d.Vertices.Single(v => v.Uid == StateFillJob.StateUid).Parallelism == to,
            TimeSpan.FromMilliseconds(50), Timeout);

        long bytes = 0;
        var files = 0;
        foreach (var path in await storage.CheckpointStorage.ListAsync(location))
        {
            if (path.EndsWith("_metadata", StringComparison.Ordinal)) continue;
            bytes += await storage.CheckpointStorage.GetLengthAsync(path) ?? 0;
            files++;
        }
        if (files == 0) throw new InvalidOperationException($"Savepoint {location} has no state files.");
        return new RescaleSample(from, to, downtime, wall, bytes, files, location);
    }

    /// <summary>Writes <paramref name="buffer"/> as one object and reads it back, each with the plain API and through <c>ICheckpointStorage</c>; deletes both.</summary>
    private static async Task<RawBandwidthSample> MeasureRawAsync(BenchStorage storage, byte[] buffer)
    {
        var blobName = $"raw-{Guid.NewGuid():N}";
        var apiPath = $"bench-raw/{blobName}";
        try
        {
            await StateFillRun.SettleAsync();
            var writePlain = await StateFillRun.TimeAsync(() => storage.WritePlainAsync(blobName, buffer));
            await StateFillRun.SettleAsync();
            var writeApi = await StateFillRun.TimeAsync(() => storage.CheckpointStorage.WriteAsync(apiPath, buffer));
            await StateFillRun.SettleAsync();
            var readPlain = await StateFillRun.TimeAsync(async () => Check(await storage.ReadPlainAsync(blobName), buffer.Length));
            await StateFillRun.SettleAsync();
            var readOpen = await StateFillRun.TimeAsync(async () =>
            {
                await using var stream = await storage.CheckpointStorage.OpenReadAsync(apiPath)
                    ?? throw new InvalidOperationException($"{apiPath} does not exist.");
                var chunk = new byte[ReadChunk];
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(chunk)) > 0) total += read;
                Check(total, buffer.Length);
            });
            await StateFillRun.SettleAsync();
            var readAll = await StateFillRun.TimeAsync(async () =>
                Check((await storage.CheckpointStorage.ReadAllAsync(apiPath) ?? throw new InvalidOperationException($"{apiPath} does not exist.")).Length, buffer.Length));
            return new RawBandwidthSample(buffer.Length, writePlain, writeApi, readPlain, readOpen, readAll);
        }
        finally
        {
            await storage.DeletePlainAsync(blobName);
            await storage.CheckpointStorage.DeleteAsync(apiPath);
        }
    }

    private static void Check(long read, long expected)
    {
        if (read != expected) throw new InvalidOperationException($"Read {read} bytes, expected {expected}.");
    }
}
