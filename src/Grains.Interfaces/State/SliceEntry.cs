namespace OrleansFlow.State;

/// <summary>A key's entry in one slice of an <see cref="ISliceState{TKey, TAcc}"/>: its accumulator, and its key group (so firing need not hash the key again).</summary>
internal struct SliceEntry<TAcc>
{
    /// <summary>The key's accumulator in the slice.</summary>
    public TAcc Accumulator;

    /// <summary>The key's key group.</summary>
    public int KeyGroup;
}
