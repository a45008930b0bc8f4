namespace OrleansFlow.Tasks;

/// <summary>
/// One element on a channel (upstream subtask → downstream subtask), stamped for FIFO and fencing (invariant 3):
/// the receiver applies elements of its current attempt in <see cref="Sequence"/> order, drops duplicates and
/// elements of other attempts.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.ChannelBatch")]
public sealed record ChannelBatch(
    [property: Id(0)] int Attempt,
    [property: Id(1)] int InputEdge,
    [property: Id(2)] int SourceSubtask,
    [property: Id(3)] long Sequence,
    [property: Id(4)] StreamElement Payload);
