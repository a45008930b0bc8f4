namespace OrleansFlow.Network;

/// <summary>
/// One output buffer's claim on network memory, from the record that opened the buffer until <see cref="Return"/> (the
/// receiving task applied the batch, or the buffer was dropped unsent). The default lease (no budget) claims nothing.
/// </summary>
internal readonly struct BufferLease(TaskBufferBudget budget, long bytes, bool overdraft)
{
    /// <summary>The bytes claimed.</summary>
    public long Bytes { get; } = bytes;

    /// <summary>Whether the buffer lies beyond the bound (see <see cref="TaskBufferBudget"/>).</summary>
    public bool IsOverdraft { get; } = overdraft;

    /// <summary>Whether this lease claims anything.</summary>
    public bool IsEmpty => budget is null;

    /// <summary>Gives the bytes back: to the owning task's reservation first, the rest to the pool. Call once.</summary>
    public void Return() => budget?.Return(Bytes, IsOverdraft);
}
