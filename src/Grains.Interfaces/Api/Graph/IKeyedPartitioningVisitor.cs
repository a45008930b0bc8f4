namespace OrleansFlow.Api.Graph;

/// <summary>Recovers the static record and key types of a <see cref="KeyGroupPartitioning{T, TKey}"/>.</summary>
internal interface IKeyedPartitioningVisitor<out TResult>
{
    TResult Visit<T, TKey>(KeyGroupPartitioning<T, TKey> partitioning) where TKey : notnull;
}
