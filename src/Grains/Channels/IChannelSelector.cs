namespace OrleansFlow.Channels;

/// <summary>Chooses the output channel of a record. Pure except for round-robin position; called on the task thread.</summary>
internal interface IChannelSelector<T>
{
    /// <summary>The channel index, or <see cref="Broadcast"/> for every channel.</summary>
    int Select(in T record);

    /// <summary>Sentinel of <see cref="Select"/>: send to every channel.</summary>
    public const int Broadcast = -1;
}
