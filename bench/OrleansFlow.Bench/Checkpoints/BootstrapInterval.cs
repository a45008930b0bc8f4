namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// A percentile-bootstrap confidence interval of the median of a small sample: resample the values with replacement
/// <see cref="Resamples"/> times, take each resample's median, and read the 2.5th and 97.5th percentiles of those. The
/// generator has a fixed seed, so the same sample gives the same interval in every run.
/// </summary>
public static class BootstrapInterval
{
    /// <summary>How many resamples the interval is read from.</summary>
    public const int Resamples = 10_000;

    /// <summary>The 95 % interval of the median of <paramref name="values"/> (at least two values).</summary>
    public static (double Low, double High) OfMedian(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2) throw new ArgumentException("A bootstrap interval needs at least two values.", nameof(values));
        var random = new Random(20261124);
        var medians = new double[Resamples];
        var resample = new double[values.Count];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < resample.Length; i++) resample[i] = values[random.Next(values.Count)];
            Array.Sort(resample);
            medians[r] = resample[resample.Length / 2];
        }
        Array.Sort(medians);
        return (medians[(int)(Resamples * 0.025)], medians[(int)(Resamples * 0.975) - 1]);
    }
}
