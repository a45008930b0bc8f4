namespace OrleansFlow.Api.Graph;

/// <summary>The partitioning of an edge; a key-group partitioning also carries the key selector.</summary>
internal class Partitioning
{
    public static readonly Partitioning Forward = new(PartitioningKind.Forward);
    public static readonly Partitioning Rebalance = new(PartitioningKind.Rebalance);
    public static readonly Partitioning Broadcast = new(PartitioningKind.Broadcast);

    protected Partitioning(PartitioningKind kind) => Kind = kind;

    public PartitioningKind Kind { get; }
}
