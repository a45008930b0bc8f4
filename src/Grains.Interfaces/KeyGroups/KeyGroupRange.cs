namespace OrleansFlow.KeyGroups;

/// <summary>
/// An inclusive range of key groups <c>[StartKeyGroup, EndKeyGroup]</c>, as Flink's <c>KeyGroupRange</c>.
/// An empty range has <see cref="EndKeyGroup"/> &lt; <see cref="StartKeyGroup"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.KeyGroupRange")]
public readonly record struct KeyGroupRange
{
    /// <summary>Creates a range with inclusive bounds.</summary>
    public KeyGroupRange(int startKeyGroup, int endKeyGroup)
    {
        if (startKeyGroup < 0) throw new ArgumentOutOfRangeException(nameof(startKeyGroup), startKeyGroup, "A key group is never negative.");
        if (endKeyGroup < startKeyGroup - 1) throw new ArgumentOutOfRangeException(nameof(endKeyGroup), endKeyGroup, "The end of a key-group range is at least start - 1 (empty).");
        StartKeyGroup = startKeyGroup;
        EndKeyGroup = endKeyGroup;
    }

    /// <summary>The first key group in the range.</summary>
    [Id(0)] public int StartKeyGroup { get; }

    /// <summary>The last key group in the range (inclusive).</summary>
    [Id(1)] public int EndKeyGroup { get; }

    /// <summary>The number of key groups in the range.</summary>
    public int NumberOfKeyGroups => EndKeyGroup - StartKeyGroup + 1;

    /// <summary>Whether the range holds no key group.</summary>
    public bool IsEmpty => NumberOfKeyGroups == 0;

    /// <summary>Whether <paramref name="keyGroup"/> lies in the range.</summary>
    public bool Contains(int keyGroup) => keyGroup >= StartKeyGroup && keyGroup <= EndKeyGroup;

    /// <summary>The key groups this range shares with <paramref name="other"/> (possibly empty).</summary>
    public KeyGroupRange Intersect(KeyGroupRange other)
    {
        var start = Math.Max(StartKeyGroup, other.StartKeyGroup);
        var end = Math.Min(EndKeyGroup, other.EndKeyGroup);
        return end < start ? new KeyGroupRange(start, start - 1) : new KeyGroupRange(start, end);
    }

    /// <summary>Enumerates the key groups of the range in order.</summary>
    public IEnumerable<int> KeyGroups()
    {
        for (var kg = StartKeyGroup; kg <= EndKeyGroup; kg++) yield return kg;
    }

    /// <inheritdoc />
    public override string ToString() => $"[{StartKeyGroup}, {EndKeyGroup}]";
}
