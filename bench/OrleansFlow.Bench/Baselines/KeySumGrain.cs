namespace OrleansFlow.Bench.Baselines;

public sealed class KeySumGrain : Grain, IKeySumGrain
{
    private long _sum;

    public Task Add(long value)
    {
        _sum += value;
        return Task.CompletedTask;
    }

    public Task<long> Get() => Task.FromResult(_sum);
}
