namespace OrleansFlow.Bench.Baselines;

/// <summary>Grain-per-key baseline: one grain per key, one call per event.</summary>
[Alias("OrleansFlow.Bench.Baselines.IKeySumGrain")]
public interface IKeySumGrain : IGrainWithIntegerKey
{
    [Alias("Add")]
    Task Add(long value);

    [Alias("Get")]
    Task<long> Get();
}
