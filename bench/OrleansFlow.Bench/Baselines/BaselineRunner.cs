using System.Globalization;

namespace OrleansFlow.Bench;

/// <summary>
/// Runs benchmarks in one process: each first on small sizes (JIT warm-up), then <see cref="BenchOptions.Rounds"/>
/// measured rounds, interleaved (round 1 of every benchmark, then round 2, …) so that noise from a shared machine
/// spreads over all rows alike. A benchmark holding a silo is disposed after every run, so only one silo runs at a time
/// (start-up is never inside the timed part). Prints one markdown row per benchmark with the median and best rate; the
/// "x of hand loop" column compares medians.
/// </summary>
public sealed class BaselineRunner
{
    private readonly TextWriter _out;

    public BaselineRunner(TextWriter output) => _out = output;

    /// <summary>Runs all benchmarks; returns the median result of each that succeeded. Failures are printed as rows and counted.</summary>
    public async Task<(IReadOnlyList<BenchmarkResult> Results, int Failures)> RunAsync(
        IReadOnlyList<IBenchmark> benchmarks, BenchOptions options, string referenceName)
    {
        var runs = benchmarks.ToDictionary(b => b, _ => new List<BenchmarkResult>());
        var failed = new Dictionary<IBenchmark, Exception>();

        foreach (var benchmark in benchmarks) await Guard(benchmark, () => benchmark.RunAsync(options.ForWarmup()));
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var benchmark in benchmarks.Where(b => !failed.ContainsKey(b)))
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                await Guard(benchmark, async () => runs[benchmark].Add(await benchmark.RunAsync(options)));
            }
        }
        var medians = runs.Where(r => r.Value.Count > 0).ToDictionary(r => r.Key, r => Median(r.Value));
        var reference = medians.FirstOrDefault(m => m.Key.Name == referenceName).Value;
        _out.WriteLine("| system | events | median s | median events/s | best events/s | x of hand loop |");
        _out.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var benchmark in benchmarks)
        {
            if (failed.TryGetValue(benchmark, out var ex))
            {
                _out.WriteLine($"| {benchmark.Name} | FAILED: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} | | | | |");
                continue;
            }
            var best = runs[benchmark].MaxBy(r => r.EventsPerSecond)!;
            _out.WriteLine(FormatRow(medians[benchmark], best, reference));
        }
        return (medians.Values.ToList(), failed.Count);

        async Task Guard(IBenchmark benchmark, Func<Task> action)
        {
            if (failed.ContainsKey(benchmark)) return;
            try
            {
                await action();
            }
            catch (Exception ex)
            {
                failed[benchmark] = ex;
            }
            finally
            {
                // One silo at a time: a benchmark's silo (and its activations) must not run beside another's round.
                if (benchmark is IAsyncDisposable disposable) await disposable.DisposeAsync();
            }
        }
    }

    private static BenchmarkResult Median(List<BenchmarkResult> results) =>
        results.OrderBy(r => r.EventsPerSecond).ElementAt(results.Count / 2);

    public static string FormatRow(BenchmarkResult median, BenchmarkResult best, BenchmarkResult? reference)
    {
        var inv = CultureInfo.InvariantCulture;
        double ratio = reference is null ? double.NaN : median.EventsPerSecond / reference.EventsPerSecond;
        string relative = double.IsFinite(ratio) ? ratio.ToString(ratio >= 0.1 ? "0.00" : "G2", inv) + "x" : "–";
        return string.Create(inv,
            $"| {median.Name} | {median.Events:N0} | {median.Seconds:0.000} | {FormatRate(median.EventsPerSecond)} | {FormatRate(best.EventsPerSecond)} | {relative} |");
    }

    public static string FormatRate(double eventsPerSecond) => eventsPerSecond switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / 1e6:0.00} M"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / 1e3:0.0} k"),
        _ => eventsPerSecond.ToString("0", CultureInfo.InvariantCulture),
    };
}
