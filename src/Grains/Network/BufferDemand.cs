namespace OrleansFlow.Network;

/// <summary>
/// What a task's outputs can ask of network memory (pure). A task processes its input in steps at record boundaries; a
/// step of n records that each emit at most one record per output can open at most <see cref="BytesFor"/>(n) bytes of
/// buffers. The <see cref="Minimum"/> (one record's worst case) is what a task reserves at deployment so it can always
/// make progress once its own buffers come back.
/// </summary>
internal sealed class BufferDemand(IReadOnlyList<OutputBufferShape> outputs)
{
    /// <summary>The task's outputs.</summary>
    public IReadOnlyList<OutputBufferShape> Outputs { get; } = outputs;

    /// <summary>Bytes that one record can open: one buffer per output, or one per channel of a broadcast.</summary>
    public long Minimum => BytesFor(1);

    /// <summary>Whether the task has outputs at all (a task without any never touches network memory).</summary>
    public bool IsEmpty => Outputs.Count == 0;

    /// <summary>The most bytes a step of <paramref name="records"/> records can open.</summary>
    public long BytesFor(long records)
    {
        long bytes = 0;
        foreach (var output in Outputs) bytes = checked(bytes + output.BuffersFor(records) * output.BufferBytes);
        return bytes;
    }

    /// <summary>The largest step, at most <paramref name="limit"/> records, whose worst case fits in <paramref name="bytes"/>; 0 when not even one record fits.</summary>
    public int RecordsWithin(long bytes, int limit)
    {
        if (IsEmpty) return limit;
        if (BytesFor(1) > bytes) return 0;
        int low = 1, high = limit; // BytesFor is monotone in the record count
        while (low < high)
        {
            var mid = low + (high - low + 1) / 2;
            if (BytesFor(mid) <= bytes) low = mid;
            else high = mid - 1;
        }
        return low;
    }
}
