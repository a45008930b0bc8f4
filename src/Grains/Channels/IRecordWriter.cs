namespace OrleansFlow.Channels;

/// <summary>The type-erased side of a <see cref="RecordWriter{T}"/> that the task drives (on the task's turn only).</summary>
internal interface IRecordWriter
{
    long RecordsOut { get; }

    /// <summary>Sends every partly filled buffer (time bound, barrier, end of input, waiting for network memory).</summary>
    void FlushAll();

    /// <summary>Sends an element on every channel after flushing.</summary>
    void BroadcastElement(Tasks.StreamElement element);

    /// <summary>Drops the partly filled buffers unsent and gives their network memory back, with that of held batches (the task stops).</summary>
    void ReleaseBuffers();

    IReadOnlyList<ChannelSender> Senders { get; }
}
