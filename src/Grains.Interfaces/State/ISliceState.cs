namespace OrleansFlow.State;

/// <summary>
/// The keyed state of a slicing window operator, laid out by slice: for each slice end, the accumulator of every key
/// that has records in it. A record reaches only the small map of its own slice (the newest ones, cache-resident), and a
/// window fires by walking whole slices in order, where one entry per key would take a random access into every key's
/// state on each record and each firing. Snapshots store it as value state of <c>SliceBuffer</c> per key, the format of
/// the per-key layout, so checkpoints and savepoints of either layout restore into the other.
/// <para>
/// Protocol: <see cref="GetOrAddAccumulator"/> addresses the backend's current key; the slice maps handed out by
/// <see cref="TryGetSlice"/> are read-only for the caller and valid until the next change. After a restore, a key may
/// carry the end of its next window to fire (<see cref="RestoredNextFire"/>): windows before it fired before the
/// snapshot and must not fire again for that key. Owner thread only (the task's turn).
/// </para>
/// </summary>
internal interface ISliceState<TKey, TAcc> : IState where TKey : notnull
{
    /// <summary>The earliest slice end held, or <see cref="long.MaxValue"/> when there is none.</summary>
    long FirstSliceEnd { get; }

    /// <summary>
    /// The end of the last window that fired (<see cref="long.MinValue"/> before any): snapshots derive each key's next
    /// window from it. Set by the operator after each firing.
    /// </summary>
    long FiredThrough { get; set; }

    /// <summary>Whether some restored key still waits for a window end after the current firing (see <see cref="RestoredNextFire"/>).</summary>
    bool HasRestoredNextFires { get; }

    /// <summary>The current key's accumulator in the slice ending at <paramref name="sliceEnd"/>, added with the default value when absent.</summary>
    ref TAcc GetOrAddAccumulator(long sliceEnd, out bool exists);

    /// <summary>The entries of the slice ending at <paramref name="sliceEnd"/>, if it exists (not to be changed).</summary>
    bool TryGetSlice(long sliceEnd, out Dictionary<TKey, SliceEntry<TAcc>> entries);

    /// <summary>Drops every slice that ends at or before <paramref name="end"/>.</summary>
    void RemoveSlicesThrough(long end);

    /// <summary>The next window end restored for <paramref name="key"/>, or <see cref="long.MinValue"/> when it has none.</summary>
    long RestoredNextFire(TKey key);

    /// <summary>Every window ending before <paramref name="windowEnd"/> has fired: forgets the restored next window ends once none is later.</summary>
    void ForgetRestoredNextFiresBefore(long windowEnd);
}
