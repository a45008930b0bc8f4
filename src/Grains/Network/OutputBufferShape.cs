namespace OrleansFlow.Network;

/// <summary>
/// One record writer's buffers, as network memory sees them: each of its <paramref name="Channels"/> fills buffers of
/// <paramref name="BufferBytes"/> bytes holding <paramref name="BatchSize"/> records; a <paramref name="Broadcast"/>
/// writer puts every record in every channel.
/// </summary>
internal readonly record struct OutputBufferShape(long BufferBytes, int BatchSize, int Channels, bool Broadcast)
{
    /// <summary>
    /// The most buffers <paramref name="records"/> records can open on this writer. A channel opens a buffer at its first
    /// record and at the first after each full batch, so r records on one channel open at most ceil(r / batch) buffers.
    /// Spread over C channels that is at most min(C, n) + floor(n / batch); a broadcast opens C × ceil(n / batch).
    /// </summary>
    public long BuffersFor(long records)
    {
        if (records <= 0) return 0;
        return Broadcast
            ? Channels * ((records + BatchSize - 1) / BatchSize)
            : Math.Min(Channels, records) + records / BatchSize;
    }
}
