using System.Diagnostics;
using System.Globalization;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Checkpoint duration by state size: per storage and target size, a fresh silo runs <see cref="StateFillJob"/> at
/// parallelism 1 (one task, one state file) with periodic checkpoints off; once every key is in the state, each round
/// triggers one checkpoint (<see cref="ICheckpointCoordinatorGrain.Trigger"/>) and waits for it, then writes the same
/// number of bytes as one object with the plain platform API and through <c>ICheckpointStorage.WriteAsync</c> on the
/// same storage (deleted again, not timed). A forced full GC and a 200 ms pause precede every timed step; the order of the two raw writes alternates by round. A 1 MB pass on every storage
/// warms up first (not reported).
/// </summary>
public sealed class CheckpointDurationBenchmark(BenchStorageFactory storages, TextWriter output)
{
    /// <summary>Serialized bytes per entry beyond the payload (key, array and length framing), measured: sizes land within 1 % of the target.</summary>
    public const int EntryOverhead = 7;

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(15);

    /// <summary>Runs every (storage, size) and prints the table; returns the number that failed.</summary>
    public async Task<int> RunAsync(CheckpointBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"checkpoint-duration: state job p={CheckpointBenchOptions.DurationParallelism}, {options.PayloadBytes:N0} bytes per key, {options.Rounds} checkpoints and raw writes per size"));
        return await StorageSizeMatrix.RunAsync(options, output, warmupRounds: 2, DurationResult.Header(), columns: 13,
            async (kind, size, rounds, label) => [(await MeasureAsync(kind, size, options.PayloadBytes, rounds, label)).FormatRow()]);
    }

    private async Task<DurationResult> MeasureAsync(StorageKind kind, long target, int payload, int rounds, string label)
    {
        var name = $"{kind.ToString().ToLowerInvariant()} {ByteSize.Format(target)}";
        await using var storage = await storages.CreateAsync(kind);
        await using var silo = await BenchSilo.StartAsync(storage);
        var jobId = await StateFillRun.StartFilledAsync(silo, target, payload, CheckpointBenchOptions.DurationParallelism, Timeout, output, label, name);
        var checkpoints = new List<CheckpointSample>();
        var plain = new List<double>();
        var storageApi = new List<double>();
        try
        {
            byte[]? buffer = null;
            for (var round = 1; round <= rounds; round++)
            {
                await StateFillRun.SettleAsync();
                var before = ProcessCost.Now();
                var details = await silo.CheckpointAsync(jobId, Timeout);
                var sample = CheckpointSample.From(details) with { Process = ProcessCost.Since(before) };
                checkpoints.Add(sample);
                if (buffer is null)
                {
                    buffer = GC.AllocateUninitializedArray<byte>(checked((int)sample.StateSize));
                    Random.Shared.NextBytes(buffer);
                }
                var blobName = $"raw-{Guid.NewGuid():N}";
                // Alternate which raw write comes first, so neither always follows the checkpoint (and its cleanup).
                for (var step = 0; step < 2; step++)
                {
                    await StateFillRun.SettleAsync();
                    if ((step + round) % 2 == 0) plain.Add(await StateFillRun.TimeAsync(() => storage.WritePlainAsync(blobName, buffer)));
                    else storageApi.Add(await StateFillRun.TimeAsync(() => storage.CheckpointStorage.WriteAsync($"bench-raw/{blobName}", buffer)));
                }
                await storage.DeletePlainAsync(blobName);
                await storage.CheckpointStorage.DeleteAsync($"bench-raw/{blobName}");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {label} {name} round {round}: checkpoint {sample.Id} of {ByteSize.Format(sample.StateSize)} ({sample.Tasks} acks): end to end {sample.EndToEnd.TotalMilliseconds:0} ms, sync {sample.Sync.TotalMilliseconds:0} ms, async {sample.Async.TotalMilliseconds:0} ms, alignment {sample.Alignment.TotalMilliseconds:0} ms, process: {sample.Process}; "
                    + $"raw plain {plain[^1] * 1000:0} ms ({ByteSize.FormatBandwidth(sample.StateSize / plain[^1])}), raw ICheckpointStorage {storageApi[^1] * 1000:0} ms ({ByteSize.FormatBandwidth(sample.StateSize / storageApi[^1])})"));
            }
            var stats = await silo.GetCheckpointStatsAsync(jobId);
            if (stats.Failed > 0) throw new InvalidOperationException($"{stats.Failed} checkpoint(s) failed.");
        }
        finally
        {
            await silo.CancelAsync(jobId);
        }
        return new DurationResult(storage.Name, target, checkpoints, plain, storageApi);
    }
}
