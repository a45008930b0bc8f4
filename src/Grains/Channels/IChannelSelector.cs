namespace OrleansFlow.Channels;

/// <summary>Chooses the output channel of a record. Pure except for round-robin position; called on the task thread.</summary>
internal interface IChannelSelector<T>
{
    /// <summary>Sentinel of <see cref="Select"/>: send to every channel.</summary>
    public const int Broadcast = -1;

    /// <summary>Whether <see cref="Select"/> gives key groups (a keyBy edge); the writer then ships them with the records.</summary>
    bool IsKeyed { get; }

    /// <summary>The channel index, or <see cref="Broadcast"/> for every channel; <paramref name="keyGroup"/> is the record's key group on a keyed edge, else -1.</summary>
    int Select(in T record, out int keyGroup);
}
