using Orleans.Concurrency;

namespace OrleansFlow.Bench.Baselines;

/// <summary>Bare batch baseline: one grain receiving immutable batches and summing per key.</summary>
[Alias("OrleansFlow.Bench.Baselines.IBatchSumGrain")]
public interface IBatchSumGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task Add(KeyValueBatch batch);

    [Alias("GetSums")]
    Task<Immutable<Dictionary<long, long>>> GetSums();
}
