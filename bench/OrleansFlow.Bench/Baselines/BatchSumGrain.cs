using System.Runtime.InteropServices;
using Orleans.Concurrency;

namespace OrleansFlow.Bench.Baselines;

public sealed class BatchSumGrain : Grain, IBatchSumGrain
{
    private readonly Dictionary<long, long> _sums = new();

    public Task Add(KeyValueBatch batch)
    {
        var keys = batch.Keys.AsSpan(0, batch.Count);
        var values = batch.Values.AsSpan(0, batch.Count);
        for (int i = 0; i < keys.Length; i++)
        {
            ref long sum = ref CollectionsMarshal.GetValueRefOrAddDefault(_sums, keys[i], out _);
            sum += values[i];
        }

        return Task.CompletedTask;
    }

    public Task<Immutable<Dictionary<long, long>>> GetSums() => Task.FromResult(new Immutable<Dictionary<long, long>>(_sums));
}
