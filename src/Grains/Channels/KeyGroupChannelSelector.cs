using OrleansFlow.KeyGroups;

namespace OrleansFlow.Channels;

/// <summary>The subtask that owns the record's key group (invariant 1).</summary>
internal sealed class KeyGroupChannelSelector<T, TKey>(Func<T, TKey> keySelector, int maxParallelism, int channels)
    : IChannelSelector<T> where TKey : notnull
{
    private readonly KeyGroupAssigner _assigner = new(maxParallelism, channels);

    public bool IsKeyed => true;

    public int Select(in T record, out int keyGroup)
    {
        keyGroup = _assigner.KeyGroupOf(keySelector(record));
        return _assigner.OperatorIndexOf(keyGroup);
    }
}
