using System.Diagnostics;

namespace OrleansFlow.Bench.Baselines;

/// <summary>
/// The naive Orleans way: a grain per key and one awaited grain call per event, with at most
/// <see cref="MaxInFlight"/> calls in flight. Runs on <see cref="BenchOptions.GrainEvents"/> events.
/// The silo is started once (outside the timed region) and kept for the warm-up and the measured run;
/// each run uses a fresh range of grain keys.
/// </summary>
public sealed class GrainPerKeyBaseline : IBenchmark, IAsyncDisposable
{
    public const string BenchmarkName = "grain-per-key";
    public const int MaxInFlight = 1_000;

    private LocalSilo? _silo;
    private long _runIndex;

    public string Name => BenchmarkName;

    public async Task<BenchmarkResult> RunAsync(BenchOptions options)
    {
        long n = options.GrainEvents, k = options.Keys;
        _silo ??= await LocalSilo.StartAsync();
        var factory = _silo.GrainFactory;
        long keyOffset = ++_runIndex * 1_000_000_000_000L;

        var inFlight = new Task?[MaxInFlight];
        var sw = Stopwatch.StartNew();
        for (long i = 0; i < n; i++)
        {
            int slot = (int)(i % MaxInFlight);
            if (inFlight[slot] is { } pending)
            {
                await pending;
            }

            inFlight[slot] = factory.GetGrain<IKeySumGrain>(keyOffset + i % k).Add(i);
        }

        foreach (var pending in inFlight)
        {
            if (pending is not null)
            {
                await pending;
            }
        }

        sw.Stop();

        await VerifyAsync(factory, keyOffset, n, k);
        return new BenchmarkResult(Name, n, sw.Elapsed.TotalSeconds);
    }

    /// <summary>Reads back every grain (untimed): per-key sums and the total.</summary>
    private async Task VerifyAsync(IGrainFactory factory, long keyOffset, long n, long k)
    {
        long keyCount = KeyedSumVerifier.ExpectedKeyCount(n, k);
        long total = 0;
        for (long start = 0; start < keyCount; start += MaxInFlight)
        {
            long end = Math.Min(keyCount, start + MaxInFlight);
            var reads = new Task<long>[end - start];
            for (long key = start; key < end; key++)
            {
                reads[key - start] = factory.GetGrain<IKeySumGrain>(keyOffset + key).Get();
            }

            var sums = await Task.WhenAll(reads);
            for (long key = start; key < end; key++)
            {
                long sum = sums[key - start];
                long expected = KeyedSumVerifier.ExpectedSum(n, k, key);
                if (sum != expected)
                {
                    throw new InvalidOperationException($"{Name}: key {key} sum {sum}, expected {expected}.");
                }

                total += sum;
            }
        }

        KeyedSumVerifier.VerifyTotal(Name, total, n);
    }

    public async ValueTask DisposeAsync()
    {
        if (_silo is not null)
        {
            await _silo.DisposeAsync();
            _silo = null;
        }
    }
}
