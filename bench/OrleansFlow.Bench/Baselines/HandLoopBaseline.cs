using System.Diagnostics;
using System.Runtime.InteropServices;

namespace OrleansFlow.Bench.Baselines;

/// <summary>Upper bound: a single-threaded loop summing into a <see cref="Dictionary{TKey, TValue}"/>.</summary>
public sealed class HandLoopBaseline : IBenchmark
{
    public const string BenchmarkName = "hand-loop";

    public string Name => BenchmarkName;

    public Task<BenchmarkResult> RunAsync(BenchOptions options)
    {
        long n = options.Events, k = options.Keys;
        var sw = Stopwatch.StartNew();
        var sums = Run(n, k);
        sw.Stop();
        KeyedSumVerifier.Verify(Name, sums, n, k);
        return Task.FromResult(new BenchmarkResult(Name, n, sw.Elapsed.TotalSeconds));
    }

    private static Dictionary<long, long> Run(long n, long k)
    {
        var sums = new Dictionary<long, long>();
        for (long i = 0; i < n; i++)
        {
            ref long sum = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, i % k, out _);
            sum += i;
        }

        return sums;
    }
}
