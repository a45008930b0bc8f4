namespace OrleansFlow.Tasks;

/// <summary>What travels on a channel: a batch of records or an in-band control element. Immutable once sent.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.StreamElement")]
public abstract class StreamElement;
