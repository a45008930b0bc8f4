namespace OrleansFlow.Channels;

/// <summary>Every record to every channel.</summary>
internal sealed class BroadcastChannelSelector<T> : IChannelSelector<T>
{
    public bool IsKeyed => false;

    public int Select(in T record, out int keyGroup)
    {
        keyGroup = -1;
        return IChannelSelector<T>.Broadcast;
    }
}
