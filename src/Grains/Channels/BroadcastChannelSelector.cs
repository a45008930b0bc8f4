namespace OrleansFlow.Channels;

/// <summary>Every record to every channel.</summary>
internal sealed class BroadcastChannelSelector<T> : IChannelSelector<T>
{
    public int Select(in T record) => IChannelSelector<T>.Broadcast;
}
