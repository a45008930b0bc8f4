namespace OrleansFlow.BuiltIn;

/// <summary>An event of the <c>window-sum</c> job: key, value, and event time in epoch milliseconds.</summary>
[GenerateSerializer, Immutable, Alias("OrleansFlow.WindowSumEvent")]
public readonly record struct WindowSumEvent([property: Id(0)] long Key, [property: Id(1)] long Value, [property: Id(2)] long Time)
{
    /// <summary>
    /// Event <paramref name="i"/>'s time: <c>i + J·⌊i / P⌋ + D − ((i · 2654435761) mod (D + 1))</c>, the J term only
    /// when <paramref name="jumpEvery"/> P &gt; 0 (64-bit integer arithmetic, wrapping as Java's and C#'s do). It lies in
    /// [i + J·⌊i / P⌋, i + J·⌊i / P⌋ + D]: out of order by up to D ms.
    /// </summary>
    public static long TimeOf(long i, long disorderMs, long jumpEvery, long jumpMs)
    {
        var jump = jumpEvery > 0 ? jumpMs * (i / jumpEvery) : 0;
        var scrambled = unchecked(i * 2654435761L);
        var offset = scrambled % (disorderMs + 1);
        if (offset < 0) offset += disorderMs + 1; // mod, not remainder: i · 2654435761 wraps negative for large i
        return i + jump + disorderMs - offset;
    }

    /// <summary>Event <paramref name="i"/> of the job: key <c>i % keys</c>, value i, time <see cref="TimeOf"/>.</summary>
    public static WindowSumEvent Of(long i, long keys, long disorderMs, long jumpEvery, long jumpMs) =>
        new(i % keys, i, TimeOf(i, disorderMs, jumpEvery, jumpMs));
}
