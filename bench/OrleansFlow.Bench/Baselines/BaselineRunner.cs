using System.Globalization;

namespace OrleansFlow.Bench;

/// <summary>
/// Runs benchmarks sequentially in one process: each one first on small sizes (JIT warm-up), then measured on
/// the full sizes. Prints one markdown table row per result as it completes; rows are relative to the hand loop
/// (when it ran) in the "x of hand loop" column.
/// </summary>
public sealed class BaselineRunner
{
    private readonly TextWriter _out;

    public BaselineRunner(TextWriter output) => _out = output;

    /// <summary>Runs all benchmarks; returns the successful results. Failures are printed as rows and counted.</summary>
    public async Task<(IReadOnlyList<BenchmarkResult> Results, int Failures)> RunAsync(
        IReadOnlyList<IBenchmark> benchmarks, BenchOptions options, string referenceName)
    {
        var results = new List<BenchmarkResult>();
        int failures = 0;
        BenchmarkResult? reference = null;

        _out.WriteLine("| system | events | seconds | events/s | x of hand loop |");
        _out.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var benchmark in benchmarks)
        {
            try
            {
                await benchmark.RunAsync(options.ForWarmup());
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();

                var result = await benchmark.RunAsync(options);
                results.Add(result);
                if (benchmark.Name == referenceName)
                {
                    reference = result;
                }

                _out.WriteLine(FormatRow(result, reference));
            }
            catch (Exception ex)
            {
                failures++;
                _out.WriteLine($"| {benchmark.Name} | FAILED: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")} | | | |");
            }
            finally
            {
                if (benchmark is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync();
                }

                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
        }

        return (results, failures);
    }

    public static string FormatRow(BenchmarkResult r, BenchmarkResult? reference)
    {
        var inv = CultureInfo.InvariantCulture;
        double ratio = reference is null ? double.NaN : r.EventsPerSecond / reference.EventsPerSecond;
        string relative = double.IsFinite(ratio) ? ratio.ToString(ratio >= 0.1 ? "0.00" : "G2", inv) + "x" : "–";
        return string.Create(inv,
            $"| {r.Name} | {r.Events:N0} | {r.Seconds:0.000} | {FormatRate(r.EventsPerSecond)} | {relative} |");
    }

    public static string FormatRate(double eventsPerSecond) => eventsPerSecond switch
    {
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / 1e6:0.00} M"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{eventsPerSecond / 1e3:0.0} k"),
        _ => eventsPerSecond.ToString("0", CultureInfo.InvariantCulture),
    };
}
