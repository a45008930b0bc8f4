namespace OrleansFlow.Api.Windowing;

/// <summary>
/// One key's slices in a slicing window operator: accumulators of consecutive, non-overlapping pieces of time, sorted
/// by their end (the earliest inline: a key usually has one or two), and the window end whose timer is pending.
/// A value of keyed state: read it, change it, write it back (while a snapshot is in flight a read is a deep copy).
/// </summary>
[GenerateSerializer, Alias("OrleansFlow.SliceBuffer`1")]
internal struct SliceBuffer<TAcc>
{
    /// <summary>The end of the next window to fire (its timer is at end − 1).</summary>
    [Id(0)] public long NextFire;

    /// <summary>How many slices there are.</summary>
    [Id(1)] public int Count;

    /// <summary>The earliest slice's end.</summary>
    [Id(2)] public long FirstEnd;

    /// <summary>The earliest slice's accumulator.</summary>
    [Id(3)] public TAcc FirstAccumulator;

    /// <summary>The later slices' ends (slice i + 1 at index i; <see cref="Count"/> − 1 of them are used).</summary>
    [Id(4)] public long[]? Ends;

    /// <summary>The later slices' accumulators.</summary>
    [Id(5)] public TAcc[]? Accumulators;

    /// <summary>Slice <paramref name="i"/>'s end.</summary>
    public readonly long EndAt(int i) => i == 0 ? FirstEnd : Ends![i - 1];

    /// <summary>Slice <paramref name="i"/>'s accumulator.</summary>
    public readonly TAcc AccumulatorAt(int i) => i == 0 ? FirstAccumulator : Accumulators![i - 1];

    /// <summary>The index of the slice that ends at <paramref name="end"/>, or −1.</summary>
    public readonly int IndexOf(long end)
    {
        for (var i = 0; i < Count; i++) if (EndAt(i) == end) return i;
        return -1;
    }

    /// <summary>Replaces slice <paramref name="i"/>'s accumulator.</summary>
    public void SetAccumulator(int i, TAcc accumulator)
    {
        if (i == 0) FirstAccumulator = accumulator;
        else Accumulators![i - 1] = accumulator;
    }

    /// <summary>Adds a slice that ends at <paramref name="end"/> (not present yet), keeping the slices sorted.</summary>
    public void Insert(long end, TAcc accumulator)
    {
        if (Count == 0)
        {
            (FirstEnd, FirstAccumulator, Count) = (end, accumulator, 1);
            return;
        }
        if (Ends is null || Ends.Length < Count)
        {
            var capacity = Math.Max(2, Count * 2);
            var ends = new long[capacity];
            var accumulators = new TAcc[capacity];
            if (Ends is not null)
            {
                Array.Copy(Ends, ends, Count - 1);
                Array.Copy(Accumulators!, accumulators, Count - 1);
            }
            (Ends, Accumulators) = (ends, accumulators);
        }
        var at = Count; // the position among all slices
        while (at > 0 && EndAt(at - 1) > end) at--;
        for (var i = Count; i > at; i--) // shift later slices one up
        {
            Ends[i - 1] = EndAt(i - 1);
            Accumulators![i - 1] = AccumulatorAt(i - 1);
        }
        if (at == 0)
        {
            (FirstEnd, FirstAccumulator) = (end, accumulator);
        }
        else
        {
            Ends[at - 1] = end;
            Accumulators![at - 1] = accumulator;
        }
        Count++;
    }

    /// <summary>Drops every slice that ends at or before <paramref name="end"/>.</summary>
    public void RemoveThrough(long end)
    {
        var drop = 0;
        while (drop < Count && EndAt(drop) <= end) drop++;
        if (drop == 0) return;
        var left = Count - drop;
        if (left > 0)
        {
            (FirstEnd, FirstAccumulator) = (EndAt(drop), AccumulatorAt(drop));
            for (var i = 1; i < left; i++)
            {
                Ends![i - 1] = EndAt(drop + i);
                Accumulators![i - 1] = AccumulatorAt(drop + i);
            }
        }
        for (var i = Math.Max(0, left - 1); i < Count - 1; i++) Accumulators![i] = default!; // release references
        if (left == 0) FirstAccumulator = default!;
        Count = left;
    }
}
