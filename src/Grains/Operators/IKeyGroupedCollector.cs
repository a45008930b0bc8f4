using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>A keyed operator that can take a record's key group from the sender instead of hashing its key again.</summary>
internal interface IKeyGroupedCollector<in T> : ICollector<T>
{
    /// <summary>Processes <paramref name="record"/>, whose key's key group the sender computed as <paramref name="keyGroup"/>.</summary>
    void Collect(T record, int keyGroup);
}
