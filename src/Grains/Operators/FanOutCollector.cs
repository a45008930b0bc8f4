using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>Hands each record to several outputs (an operator consumed by several vertices).</summary>
internal sealed class FanOutCollector<T>(ICollector<T>[] outputs) : ICollector<T>
{
    public void Collect(T record)
    {
        foreach (var output in outputs) output.Collect(record);
    }
}
