using System.Diagnostics;
using System.Globalization;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Checkpoint overhead: the built-in <c>keyed-sum</c> job (as the <c>orleansflow-p2</c> row of the throughput table,
/// but long enough for several checkpoints) with checkpoints off against checkpoints every
/// <see cref="CheckpointBenchOptions.IntervalMs"/> on each storage. A short warm-up run per row and
/// <see cref="CheckpointBenchOptions.OverheadWarmupRounds"/> full rounds not counted, then interleaved rounds (round 1 of
/// every row, then round 2, …; the order rotates each round), a fresh silo and storage per run, silo start outside the
/// timed part. The table gives the overhead of the medians, the median of the per-round ratios (each "on" run against
/// the "off" run of its round) and a bootstrap 95 % interval of that median.
/// Every run checks that the source emitted and the sum vertex received exactly N records in attempt 1 (no restart),
/// and prints how many checkpoints completed during it.
/// </summary>
public sealed class CheckpointOverheadBenchmark(BenchStorageFactory storages, TextWriter output)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(15);

    /// <summary>Runs the rounds and prints the table; returns the number of rows that failed.</summary>
    public async Task<int> RunAsync(CheckpointBenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var variants = new List<OverheadVariant> { new(StorageKind.Folder, 0) };
        variants.AddRange(options.Storages.Select(s => new OverheadVariant(s, options.IntervalMs)));
        var runs = variants.ToDictionary(v => v, _ => new List<OverheadRun>());
        var failed = new Dictionary<OverheadVariant, Exception>();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"checkpoint-overhead: keyed-sum p={CheckpointBenchOptions.OverheadParallelism}, {options.Events:N0} events, {options.Keys:N0} keys, {options.OverheadWarmupRounds} full warm-up rounds, {options.OverheadRounds} measured rounds"));
        foreach (var variant in variants)
        {
            var warmup = variant with { IntervalMs = Math.Min(variant.IntervalMs, 100) };
            await Guard(variant, async () => Report("warm-up", variant, await RunOnceAsync(warmup, Math.Min(options.Events, 20_000_000), options.Keys)));
        }
        // Tiered compilation with dynamic PGO keeps making the process faster for tens of seconds (measured: "off" rose from
        // 28 to 46 M events/s over its first six rounds, and stayed flat with TieredCompilation=0): full-size rounds of
        // every row first, not counted, so that the measured rounds compare steady code.
        for (var round = 1; round <= options.OverheadWarmupRounds; round++)
        {
            foreach (var variant in variants.Where(v => !failed.ContainsKey(v)))
                await Guard(variant, async () => Report($"warm-up round {round}", variant, await RunOnceAsync(variant, options.Events, options.Keys)));
        }
        for (var round = 1; round <= options.OverheadRounds; round++)
        {
            // The order rotates each round, so that no row always follows the same one (a folder run's write-back, say).
            var shift = (round - 1) % variants.Count;
            foreach (var variant in variants.Skip(shift).Concat(variants.Take(shift)).Where(v => !failed.ContainsKey(v)))
            {
                await Guard(variant, async () =>
                {
                    var run = await RunOnceAsync(variant, options.Events, options.Keys);
                    runs[variant].Add(run);
                    Report($"round {round}", variant, run);
                });
            }
        }
        output.WriteLine();
        PrintTable(variants, runs, failed);
        return failed.Count;

        async Task Guard(OverheadVariant variant, Func<Task> action)
        {
            if (failed.ContainsKey(variant)) return;
            try
            {
                await action();
            }
            catch (Exception e)
            {
                failed[variant] = e;
                output.WriteLine($"  {variant.Name}: FAILED: {e.GetType().Name}: {e.Message}");
            }
        }
    }

    private async Task<OverheadRun> RunOnceAsync(OverheadVariant variant, long events, long keys)
    {
        await using var storage = await storages.CreateAsync(variant.Storage);
        await using var silo = await BenchSilo.StartAsync(storage);
        var spec = new JobSpec
        {
            JobName = "keyed-sum",
            Parallelism = CheckpointBenchOptions.OverheadParallelism,
            MaxParallelism = 128,
            Args = new Dictionary<string, string>
            {
                ["events"] = events.ToString(CultureInfo.InvariantCulture),
                ["keys"] = keys.ToString(CultureInfo.InvariantCulture),
            },
            Checkpointing = new CheckpointingSettings { IntervalMs = variant.IntervalMs },
        };
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var costBefore = ProcessCost.Now();
        var storageCpuBefore = storage.ServerCpuTime;
        var jobId = Guid.NewGuid().ToString("N");
        var (details, seconds) = await TimedJobRun.RunAsync(silo.Grains, jobId, spec, RunTimeout);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var cost = ProcessCost.Since(costBefore);
        var storageCpu = storage.ServerCpuTime - storageCpuBefore;
        if (details.Status != JobStatus.Finished) throw new InvalidOperationException($"The job ended {details.Status}: {details.FailureCause}");
        if (details.Attempt != 1) throw new InvalidOperationException($"The job restarted (attempt {details.Attempt}): the run is not comparable.");
        var source = details.Vertices.Single(v => v.Uid == "source");
        var sum = details.Vertices.Single(v => v.Uid == "sum");
        if (source.RecordsOut != events || sum.RecordsIn != events)
            throw new InvalidOperationException($"The source emitted {source.RecordsOut} and sum received {sum.RecordsIn} records, expected {events}.");
        var stats = await silo.GetCheckpointStatsAsync(jobId);
        var latest = stats.History.FirstOrDefault(h => h.Status == "COMPLETED");
        var samples = new List<CheckpointSample>();
        foreach (var entry in stats.History.Where(h => h.Status == "COMPLETED"))
        {
            // Acknowledgements (and so the phases) are kept for the retained checkpoints only (3 by default).
            if (await silo.Grains.GetGrain<ICheckpointCoordinatorGrain>(jobId).GetDetails(entry.Id) is { Acks.Count: > 0 } checkpoint)
                samples.Add(CheckpointSample.From(checkpoint));
        }
        return new OverheadRun(seconds, cpu.TotalSeconds, events, stats.Completed, stats.Failed, latest?.StateSize ?? 0, samples, storageCpu?.TotalSeconds) { Process = cost };
    }

    private void Report(string label, OverheadVariant variant, OverheadRun run) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label}, {variant.Name}: {run.Seconds:0.000} s (CPU {run.CpuSeconds:0.00} s{(run.StorageCpuSeconds is { } s ? $", Azurite CPU {s:0.00} s" : "")}), {BaselineRunner.FormatRate(run.EventsPerSecond)} events/s, checkpoints completed {run.Completed}, failed/aborted {run.Failed}, state {(run.Completed > 0 ? ByteSize.Format(run.StateSize) : "–")}{Phases(run.Checkpoints)}; {run.Process}"));

    private static string Phases(IReadOnlyList<CheckpointSample> samples) => samples.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
        $", median of the last {samples.Count} retained: end to end {Medians.Of(samples.Select(c => c.EndToEnd)).TotalMilliseconds:0} ms, sync {Medians.Of(samples.Select(c => c.Sync)).TotalMilliseconds:0.0} ms, async {Medians.Of(samples.Select(c => c.Async)).TotalMilliseconds:0.0} ms, alignment {Medians.Of(samples.Select(c => c.Alignment)).TotalMilliseconds:0.0} ms holding {Medians.Of(samples.Select(c => (double)c.AlignmentBufferedRecords)):N0} records");

    private void PrintTable(List<OverheadVariant> variants, Dictionary<OverheadVariant, List<OverheadRun>> runs, Dictionary<OverheadVariant, Exception> failed)
    {
        var inv = CultureInfo.InvariantCulture;
        var off = runs[variants[0]];
        output.WriteLine("| checkpoints | events | median s | median events/s | best events/s | overhead (medians) | overhead (median of rounds) | 95 % interval of that median (bootstrap) | median CPU s | CPU overhead | median Azurite CPU s (same cores) | completed per run | failed/aborted per run | per checkpoint: e2e / sync / async / alignment (medians) | records held while aligning: median / max |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var variant in variants)
        {
            if (failed.TryGetValue(variant, out var e))
            {
                output.WriteLine($"| {variant.Name} | FAILED: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")} | | | | | | | | | | | | |");
                continue;
            }
            var list = runs[variant];
            if (list.Count == 0) continue;
            var medianRate = Medians.Of(list.Select(r => r.EventsPerSecond));
            var medianSeconds = Medians.Of(list.Select(r => r.Seconds));
            var medianCpu = Medians.Of(list.Select(r => r.CpuSeconds));
            string overhead = "–", paired = "–", interval = "–", cpuOverhead = "–";
            if (variant.IntervalMs > 0 && off.Count > 0 && !failed.ContainsKey(variants[0]))
            {
                overhead = Percent(1 - medianRate / Medians.Of(off.Select(r => r.EventsPerSecond)));
                var rounds = Math.Min(off.Count, list.Count);
                var ratios = Enumerable.Range(0, rounds).Select(i => 1 - list[i].EventsPerSecond / off[i].EventsPerSecond).ToList();
                paired = Percent(Medians.Of(ratios));
                if (ratios.Count >= 2 && BootstrapInterval.OfMedian(ratios) is var (low, high)) interval = $"{Percent(low)} to {Percent(high)}";
                cpuOverhead = Percent(medianCpu / Medians.Of(off.Select(r => r.CpuSeconds)) - 1);
            }
            output.WriteLine(string.Create(inv,
                $"| {variant.Name} | {list[0].Events:N0} | {medianSeconds:0.000} | {BaselineRunner.FormatRate(medianRate)} | {BaselineRunner.FormatRate(list.Max(r => r.EventsPerSecond))} | {overhead} | {paired} | {interval} | {medianCpu:0.00} | {cpuOverhead} | {StorageCpu(list)} | {Span(list.Select(r => r.Completed))} | {Span(list.Select(r => r.Failed))} | {PhaseCell(list.SelectMany(r => r.Checkpoints).ToList())} | {HeldCell(list.SelectMany(r => r.Checkpoints).ToList())} |"));
        }

        string PhaseCell(List<CheckpointSample> samples) => samples.Count == 0 ? "–" : string.Create(inv,
            $"{Medians.Of(samples.Select(c => c.EndToEnd)).TotalMilliseconds:0} / {Medians.Of(samples.Select(c => c.Sync)).TotalMilliseconds:0.0} / {Medians.Of(samples.Select(c => c.Async)).TotalMilliseconds:0.0} / {Medians.Of(samples.Select(c => c.Alignment)).TotalMilliseconds:0.0} ms");
        string HeldCell(List<CheckpointSample> samples) => samples.Count == 0 ? "–" : string.Create(inv,
            $"{Medians.Of(samples.Select(c => (double)c.AlignmentBufferedRecords)):N0} / {samples.Max(c => c.AlignmentBufferedRecords):N0}");
        string StorageCpu(List<OverheadRun> list) =>
            list.All(r => r.StorageCpuSeconds is not null) ? Medians.Of(list.Select(r => r.StorageCpuSeconds!.Value)).ToString("0.00", inv) : "–";
        string Percent(double fraction) => string.Create(inv, $"{Math.Round(fraction * 100, 1):+0.0;-0.0;0.0} %");
        static string Span(IEnumerable<int> counts)
        {
            var sorted = counts.Order().ToList();
            return sorted[0] == sorted[^1] ? $"{sorted[0]}" : $"{sorted[0]}–{sorted[^1]} (median {sorted[sorted.Count / 2]})";
        }
    }
}
