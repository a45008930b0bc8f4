using System.Globalization;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Runs the checkpoint benchmarks selected with <c>--only</c> in one process, on storages from one
/// <see cref="BenchStorageFactory"/> (one Azurite for the whole run, stopped at the end; temporary folders deleted).
/// </summary>
public static class CheckpointSuite
{
    /// <summary>The names <c>--only</c> accepts for this suite.</summary>
    public static IReadOnlyList<string> Names { get; } = [CheckpointBenchOptions.OverheadName, CheckpointBenchOptions.DurationName, CheckpointBenchOptions.RescaleName, CheckpointBenchOptions.PipelineName];

    /// <summary>Runs the benchmarks of <see cref="Names"/> that <paramref name="selected"/> holds; returns the number of failed rows.</summary>
    public static async Task<int> RunAsync(IReadOnlySet<string> selected, CheckpointBenchOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(selected);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var overhead = selected.Contains(CheckpointBenchOptions.OverheadName);
        var duration = selected.Contains(CheckpointBenchOptions.DurationName);
        var rescale = selected.Contains(CheckpointBenchOptions.RescaleName);
        var pipeline = selected.Contains(CheckpointBenchOptions.PipelineName);
        if (!overhead && !duration && !rescale && !pipeline) return 0;

        var azurite = options.Storages.Contains(StorageKind.Azurite) ? $" (Azurite {AzuriteServer.Version()})" : "";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checkpoints: storages {string.Join(", ", options.Storages.Select(s => s.ToString().ToLowerInvariant()))}{azurite}, state sizes {string.Join(", ", options.StateSizes.Select(ByteSize.Format))}, rounds {options.Rounds} (duration, rescale), {options.OverheadRounds} + {options.OverheadWarmupRounds} warm-up (overhead)"));
        var failures = 0;
        await using var storages = new BenchStorageFactory();
        output.WriteLine($"Temporary folder: {storages.Root} (deleted at the end)");
        output.WriteLine();
        if (pipeline)
        {
            failures += await new SnapshotPipelineBenchmark(storages, output).RunAsync(options.Storages, options.StateSizes, options.PayloadBytes, options.Rounds);
        }
        if (overhead)
        {
            failures += await new CheckpointOverheadBenchmark(storages, output).RunAsync(options);
            output.WriteLine();
        }
        if (duration)
        {
            failures += await new CheckpointDurationBenchmark(storages, output).RunAsync(options);
            output.WriteLine();
        }
        if (rescale)
        {
            failures += await new RescaleDowntimeBenchmark(storages, output).RunAsync(options);
            output.WriteLine();
        }
        return failures;
    }
}
