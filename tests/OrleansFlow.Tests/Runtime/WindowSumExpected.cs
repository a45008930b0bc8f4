using System.Globalization;
using OrleansFlow.BuiltIn;

namespace OrleansFlow.Tests.Runtime;

/// <summary>The window-sum result computed from the events' formula alone (single-threaded LINQ): the reference model.</summary>
internal static class WindowSumExpected
{
    /// <summary>Tumbling windows of <paramref name="windowMs"/>: <c>key,windowStart,windowEnd,count,sum</c> per non-empty (key, window), sorted.</summary>
    public static List<string> Tumbling(long events, long keys, long windowMs, long disorderMs, long jumpEvery = 0, long jumpMs = 0) =>
        Sliding(events, keys, windowMs, windowMs, disorderMs, jumpEvery, jumpMs);

    /// <summary>Sliding windows of <paramref name="windowMs"/> every <paramref name="slideMs"/>, aligned to the epoch.</summary>
    public static List<string> Sliding(long events, long keys, long windowMs, long slideMs, long disorderMs, long jumpEvery = 0, long jumpMs = 0)
    {
        var windows = new List<(long Key, long Start, long Value)>();
        for (long i = 0; i < events; i++)
        {
            var e = WindowSumEvent.Of(i, keys, disorderMs, jumpEvery, jumpMs);
            var last = e.Time - (e.Time % slideMs);
            for (var start = last; start > e.Time - windowMs; start -= slideMs) windows.Add((e.Key, start, e.Value));
        }
        return Lines(windows.GroupBy(w => (w.Key, w.Start)).Select(g => (g.Key.Key, g.Key.Start, g.Key.Start + windowMs, (long)g.Count(), g.Sum(w => w.Value))));
    }

    /// <summary>Session windows with gap <paramref name="gapMs"/>: per key, events closer than the gap share a window [first, last + gap).</summary>
    public static List<string> Sessions(long events, long keys, long gapMs, long disorderMs, long jumpEvery = 0, long jumpMs = 0)
    {
        var sessions = new List<(long, long, long, long, long)>();
        var byKey = Enumerable.Range(0, (int)events).Select(i => WindowSumEvent.Of(i, keys, disorderMs, jumpEvery, jumpMs)).GroupBy(e => e.Key);
        foreach (var key in byKey)
        {
            long start = 0, end = long.MinValue, count = 0, sum = 0;
            foreach (var e in key.OrderBy(e => e.Time))
            {
                if (e.Time > end) // Flink merges sessions that touch ([a, b) and [b, c))
                {
                    if (count > 0) sessions.Add((key.Key, start, end, count, sum));
                    (start, count, sum) = (e.Time, 0, 0);
                }
                end = Math.Max(end, e.Time + gapMs);
                count++;
                sum += e.Value;
            }
            if (count > 0) sessions.Add((key.Key, start, end, count, sum));
        }
        return Lines(sessions);
    }

    private static List<string> Lines(IEnumerable<(long Key, long Start, long End, long Count, long Sum)> windows) =>
        windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Key},{w.Start},{w.End},{w.Count},{w.Sum}")).Order(StringComparer.Ordinal).ToList();
}
