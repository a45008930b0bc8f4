using OrleansFlow.KeyGroups;

namespace OrleansFlow.Channels;

/// <summary>The subtask that owns the record's key group (invariant 1).</summary>
internal sealed class KeyGroupChannelSelector<T, TKey>(Func<T, TKey> keySelector, int maxParallelism, int channels)
    : IChannelSelector<T> where TKey : notnull
{
    public int Select(in T record)
    {
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(keySelector(record), maxParallelism);
        return KeyGroupAssignment.ComputeOperatorIndexForKeyGroup(maxParallelism, channels, keyGroup);
    }
}
