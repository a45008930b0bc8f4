namespace OrleansFlow.Bench.Checkpoints;

/// <summary>Medians of small samples (the upper median for an even count, as <c>BaselineRunner</c> takes it).</summary>
public static class Medians
{
    /// <summary>The median of <paramref name="values"/>.</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0) throw new InvalidOperationException("No values.");
        return sorted[sorted.Count / 2];
    }

    /// <summary>The median of <paramref name="values"/>.</summary>
    public static TimeSpan Of(IEnumerable<TimeSpan> values) => TimeSpan.FromTicks((long)Of(values.Select(v => (double)v.Ticks)));
}
