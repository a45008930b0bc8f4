using System.Diagnostics;

namespace OrleansFlow.Bench.Baselines;

/// <summary>
/// A bare Orleans grain receiving immutable batches of <see cref="BatchSize"/> (key, value) pairs,
/// with up to <see cref="MaxInFlight"/> batches in flight. Batch buffers are pooled per in-flight slot.
/// The silo is started once (outside the timed region); each run uses a fresh grain.
/// </summary>
public sealed class BareBatchGrainBaseline : IBenchmark, IAsyncDisposable
{
    public const string BenchmarkName = "bare-batch-grain";
    public const int BatchSize = 4_096;
    public const int MaxInFlight = 4;

    private LocalSilo? _silo;
    private long _runIndex;

    public string Name => BenchmarkName;

    public async Task<BenchmarkResult> RunAsync(BenchOptions options)
    {
        long n = options.Events, k = options.Keys;
        _silo ??= await LocalSilo.StartAsync();
        var grain = _silo.GrainFactory.GetGrain<IBatchSumGrain>(++_runIndex);

        var keys = new long[MaxInFlight][];
        var values = new long[MaxInFlight][];
        for (int s = 0; s < MaxInFlight; s++)
        {
            keys[s] = new long[BatchSize];
            values[s] = new long[BatchSize];
        }

        var inFlight = new Task?[MaxInFlight];
        int slot = 0;
        var sw = Stopwatch.StartNew();
        for (long start = 0; start < n; start += BatchSize)
        {
            if (inFlight[slot] is { } pending)
            {
                await pending;
            }

            int count = (int)Math.Min(BatchSize, n - start);
            long[] ks = keys[slot], vs = values[slot];
            for (int j = 0; j < count; j++)
            {
                long i = start + j;
                ks[j] = i % k;
                vs[j] = i;
            }

            inFlight[slot] = grain.Add(new KeyValueBatch(ks, vs, count));
            slot = (slot + 1) % MaxInFlight;
        }

        foreach (var pending in inFlight)
        {
            if (pending is not null)
            {
                await pending;
            }
        }

        sw.Stop();

        var sums = await grain.GetSums();
        KeyedSumVerifier.Verify(Name, sums.Value, n, k);
        return new BenchmarkResult(Name, n, sw.Elapsed.TotalSeconds);
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
