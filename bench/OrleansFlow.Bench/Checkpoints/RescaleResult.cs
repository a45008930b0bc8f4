using System.Globalization;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// The measurements of one (storage, target size) of the rescale-downtime benchmark, all from the same silo, job and
/// storage: the rescales (both directions) and the raw write and read of the same number of bytes. Knows the goal per
/// direction: median downtime ≤ 2 × state bytes / raw bandwidth + 1 s, where raw bandwidth = min(read, write), each
/// the faster of its plain-API and <c>ICheckpointStorage</c> measurements (medians), so the goal is the stricter one.
/// </summary>
public sealed record RescaleResult(string Storage, long TargetBytes, IReadOnlyList<RescaleSample> Rescales, IReadOnlyList<RawBandwidthSample> Raw)
{
    /// <summary>Median raw write bandwidth (faster of plain and <c>ICheckpointStorage</c>), bytes/s.</summary>
    public double WriteBandwidth => Medians.Of(Raw.Select(r => r.WriteBandwidth));

    /// <summary>Median raw read bandwidth (fastest of plain, <c>OpenReadAsync</c> and <c>ReadAllAsync</c>), bytes/s.</summary>
    public double ReadBandwidth => Medians.Of(Raw.Select(r => r.ReadBandwidth));

    /// <summary>The bandwidth of the goal: the slower of read and write.</summary>
    public double RawBandwidth => Math.Min(ReadBandwidth, WriteBandwidth);

    /// <summary>The table header of <see cref="FormatRows"/>.</summary>
    public static IEnumerable<string> Header()
    {
        yield return "| storage | target | rescale | savepoint state (files) | rescales | downtime (min–max) | trigger → COMPLETED | raw write plain / ICheckpointStorage | raw read plain / OpenReadAsync / ReadAllAsync | goal 2×bytes/min(read, write)+1 s | goal |";
        yield return "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|:---:|";
    }

    /// <summary>One markdown row per direction (medians).</summary>
    public IEnumerable<string> FormatRows()
    {
        var inv = CultureInfo.InvariantCulture;
        var raw = Raw.Count == 0 ? null : Raw;
        foreach (var direction in Rescales.GroupBy(r => (r.From, r.To)))
        {
            var samples = direction.ToList();
            var bytes = (long)Medians.Of(samples.Select(s => (double)s.StateBytes));
            var downtime = Medians.Of(samples.Select(s => s.Downtime));
            var wall = Medians.Of(samples.Select(s => s.Wall));
            var rawWrite = raw is null ? "–" : string.Create(inv,
                $"{Bw(raw, r => r.WritePlain)} / {Bw(raw, r => r.WriteStorageApi)}");
            var rawRead = raw is null ? "–" : string.Create(inv,
                $"{Bw(raw, r => r.ReadPlain)} / {Bw(raw, r => r.ReadOpenRead)} / {Bw(raw, r => r.ReadAll)}");
            var goal = raw is null ? (TimeSpan?)null : TimeSpan.FromSeconds(2 * bytes / RawBandwidth + 1);
            yield return string.Create(inv,
                $"| {Storage} | {ByteSize.Format(TargetBytes)} | p {direction.Key.From}→{direction.Key.To} | {ByteSize.Format(bytes)} ({samples[0].Files}) | {samples.Count} | {Ms(downtime)} ({Ms(samples.Min(s => s.Downtime))}–{Ms(samples.Max(s => s.Downtime))}) | {Ms(wall)} | "
                + $"{rawWrite} | {rawRead} | {(goal is { } g ? Ms(g) : "–")} | {(goal is { } g2 ? (downtime <= g2 ? "met" : "not met") : "–")} |");
        }
    }

    private static string Bw(IReadOnlyList<RawBandwidthSample> raw, Func<RawBandwidthSample, double> seconds) =>
        ByteSize.FormatBandwidth(Medians.Of(raw.Select(r => r.Bytes / seconds(r))));

    private static string Ms(TimeSpan t) => t.TotalMilliseconds.ToString(t.TotalMilliseconds >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture) + " ms";
}
