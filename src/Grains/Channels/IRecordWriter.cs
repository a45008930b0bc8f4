namespace OrleansFlow.Channels;

/// <summary>The type-erased side of a <see cref="RecordWriter{T}"/> that the task drives.</summary>
internal interface IRecordWriter
{
    long RecordsOut { get; }

    /// <summary>Sends every partly filled buffer (time bound, barrier, end of input).</summary>
    void FlushAll();

    /// <summary>Sends an element on every channel after flushing.</summary>
    void BroadcastElement(Tasks.StreamElement element);

    IReadOnlyList<ChannelSender> Senders { get; }
}
