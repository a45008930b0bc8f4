using System.Globalization;
using OrleansFlow.BuiltIn;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// The reference model of <see cref="WindowVariantsJob"/>: a single-threaded replay of its one split in plain LINQ and
/// loops, with Flink's semantics (watermark after each event, late firings within the allowed lateness, drops after).
/// </summary>
internal static class WindowVariantsExpected
{
    public const long WindowMs = 100;
    public const long Count = 5;

    private static IEnumerable<WindowSumEvent> Events(long events, long keys, long disorder) =>
        Enumerable.Range(0, (int)events).Select(i => WindowSumEvent.Of(i, keys, disorder, 0, 0));

    private static string Line(params long[] values) => string.Join(',', values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static long StartOf(long time) => time - (time % WindowMs);

    /// <summary>Tumbling windows reduced to their sums, no event late (bound = disorder).</summary>
    public static List<string> Reduce(long events, long keys, long disorder) =>
        Sorted(Events(events, keys, disorder).GroupBy(e => (e.Key, StartOf(e.Time))).Select(g => Line(g.Key.Key, g.Sum(e => e.Value))));

    /// <summary>Tumbling windows described by a process function: key, bounds, count, sum, min, max.</summary>
    public static List<string> Process(long events, long keys, long disorder) =>
        Sorted(Events(events, keys, disorder).GroupBy(e => (e.Key, Start: StartOf(e.Time)))
            .Select(g => Line(g.Key.Key, g.Key.Start, g.Key.Start + WindowMs, g.Count(), g.Sum(e => e.Value), g.Min(e => e.Value), g.Max(e => e.Value))));

    /// <summary>A count trigger on each key's global window: the running sum at every <see cref="Count"/>-th element (purged: the sum of each group).</summary>
    public static List<string> Counted(long events, long keys, bool purge)
    {
        var lines = new List<string>();
        foreach (var key in Events(events, keys, 0).GroupBy(e => e.Key))
        {
            long sum = 0, n = 0;
            foreach (var e in key) // one split: each key's elements arrive in index order
            {
                sum += e.Value;
                if (++n % Count != 0) continue;
                lines.Add(Line(key.Key, sum));
                if (purge) sum = 0;
            }
        }
        return Sorted(lines);
    }

    /// <summary>
    /// Tumbling windows with allowed lateness: replays the events in order with the watermark after each; an event for a
    /// window past its end plus the lateness is dropped; within the lateness it fires the window again (key, start, sum).
    /// </summary>
    public static List<string> Late(long events, long keys, long disorder, long bound, long lateness, out long dropped) =>
        Late(events, keys, disorder, bound, lateness, out dropped, out _);

    /// <summary>As <see cref="Late(long, long, long, long, long, out long)"/>, also giving the dropped events as <c>key,value</c>.</summary>
    public static List<string> Late(long events, long keys, long disorder, long bound, long lateness, out long dropped, out List<string> droppedLines)
    {
        droppedLines = [];
        var lines = new List<string>();
        var open = new Dictionary<(long Key, long Start), long>(); // window → sum
        var watermark = long.MinValue;
        var max = long.MinValue;
        dropped = 0;
        foreach (var e in Events(events, keys, disorder))
        {
            var window = (e.Key, StartOf(e.Time));
            var end = window.Item2 + WindowMs - 1;
            if (end + lateness <= watermark)
            {
                dropped++;
                droppedLines.Add(Line(e.Key, e.Value));
            }
            else
            {
                open[window] = open.GetValueOrDefault(window) + e.Value;
                if (end <= watermark) lines.Add(Line(e.Key, window.Item2, open[window])); // late firing
            }
            max = Math.Max(max, e.Time);
            var next = max - bound - 1;
            if (next <= watermark) continue;
            foreach (var (w, sum) in open.OrderBy(w => w.Key.Start).ToList())
            {
                var wEnd = w.Start + WindowMs - 1;
                if (wEnd > watermark && wEnd <= next) lines.Add(Line(w.Key, w.Start, sum));
                if (wEnd + lateness <= next) open.Remove(w);
            }
            watermark = next;
        }
        foreach (var (w, sum) in open) if (w.Start + WindowMs - 1 > watermark) lines.Add(Line(w.Key, w.Start, sum)); // the final watermark
        droppedLines = Sorted(droppedLines);
        return Sorted(lines);
    }

    private static List<string> Sorted(IEnumerable<string> lines) => [.. lines.Order(StringComparer.Ordinal)];
}
