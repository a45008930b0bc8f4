namespace OrleansFlow.Api.Graph;

/// <summary>Hash partitioning by key group; the key selector must be deterministic.</summary>
internal abstract class KeyGroupPartitioning() : Partitioning(PartitioningKind.KeyGroupHash)
{
    public abstract TResult Accept<TResult>(IKeyedPartitioningVisitor<TResult> visitor);
}

/// <inheritdoc />
internal sealed class KeyGroupPartitioning<T, TKey>(Func<T, TKey> keySelector) : KeyGroupPartitioning where TKey : notnull
{
    public Func<T, TKey> KeySelector { get; } = keySelector;

    public override TResult Accept<TResult>(IKeyedPartitioningVisitor<TResult> visitor) => visitor.Visit(this);
}
