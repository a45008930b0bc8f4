namespace OrleansFlow.Channels;

/// <summary>Round-robin, starting at a subtask-dependent channel so that upstream subtasks do not all start at 0.</summary>
internal sealed class RebalanceChannelSelector<T>(int channels, int start) : IChannelSelector<T>
{
    private int _next = start % channels;

    public bool IsKeyed => false;

    public int Select(in T record, out int keyGroup)
    {
        keyGroup = -1;
        var c = _next;
        _next = c + 1 == channels ? 0 : c + 1;
        return c;
    }
}
