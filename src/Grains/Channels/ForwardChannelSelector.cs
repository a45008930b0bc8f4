namespace OrleansFlow.Channels;

/// <summary>Always channel 0: the writer of a forward edge has one channel, to the subtask of the same index.</summary>
internal sealed class ForwardChannelSelector<T> : IChannelSelector<T>
{
    public bool IsKeyed => false;

    public int Select(in T record, out int keyGroup)
    {
        keyGroup = -1;
        return 0;
    }
}
