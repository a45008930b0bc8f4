namespace OrleansFlow.State;

/// <summary>The still serialized entries of one state in one key group, as read from a snapshot.</summary>
/// <param name="KeyGroup">The key group (absolute).</param>
/// <param name="EntryCount">The number of entries.</param>
/// <param name="Keys">The serialized key array.</param>
/// <param name="Values">The serialized value array, parallel to the keys.</param>
internal readonly record struct RestoredStateChunk(int KeyGroup, int EntryCount, ReadOnlyMemory<byte> Keys, ReadOnlyMemory<byte> Values);
