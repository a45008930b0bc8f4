namespace OrleansFlow.Tasks;

/// <summary>What travels on a channel: a batch of records or an in-band control element. Immutable once sent.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.StreamElement")]
public abstract class StreamElement
{
    /// <summary>How many records the element carries: 0 for a control element.</summary>
    public virtual int RecordCount => 0;
}
