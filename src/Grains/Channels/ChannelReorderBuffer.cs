namespace OrleansFlow.Channels;

/// <summary>What <see cref="ChannelReorderBuffer{T}"/> did with an offered element.</summary>
internal enum ReorderOutcome
{
    /// <summary>In order: it (and any buffered successors) were released.</summary>
    Released,
    /// <summary>Ahead of a gap: held until the gap fills.</summary>
    Buffered,
    /// <summary>Already seen: dropped.</summary>
    Duplicate,
}

/// <summary>
/// Restores FIFO order on one input channel (invariant 3): elements carry sequence numbers 0, 1, 2, …; an element is
/// released only after all lower numbers were; a number seen before is dropped. Pure and single-threaded.
/// The sender's in-flight window bounds how many elements can be held.
/// </summary>
internal sealed class ChannelReorderBuffer<T>
{
    private readonly SortedDictionary<long, T> _pending = [];

    /// <summary>The next sequence number to release.</summary>
    public long NextSequence { get; private set; }

    /// <summary>How many elements wait for a gap to fill.</summary>
    public int PendingCount => _pending.Count;

    /// <summary>Offers element <paramref name="sequence"/>; released elements are appended to <paramref name="released"/> in order.</summary>
    public ReorderOutcome Offer(long sequence, T element, List<T> released)
    {
        if (sequence < NextSequence || _pending.ContainsKey(sequence)) return ReorderOutcome.Duplicate;
        if (sequence > NextSequence)
        {
            _pending.Add(sequence, element);
            return ReorderOutcome.Buffered;
        }
        released.Add(element);
        NextSequence++;
        while (_pending.Remove(NextSequence, out var next))
        {
            released.Add(next);
            NextSequence++;
        }
        return ReorderOutcome.Released;
    }
}
