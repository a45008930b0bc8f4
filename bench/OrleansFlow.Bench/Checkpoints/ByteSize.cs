using System.Globalization;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// Byte counts on the command line and in tables. Decimal units (KB = 10³, MB = 10⁶, GB = 10⁹ bytes), binary units
/// with an i (KiB, MiB, GiB); a plain number is bytes.
/// </summary>
public static class ByteSize
{
    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KIB", 1L << 10), ("MIB", 1L << 20), ("GIB", 1L << 30),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
    ];

    /// <summary>Parses one size such as <c>10MB</c>, <c>1GB</c>, <c>512MiB</c> or <c>4096</c>.</summary>
    public static long Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim().ToUpperInvariant();
        long factor = 1;
        foreach (var (suffix, unitFactor) in Units)
        {
            if (!value.EndsWith(suffix, StringComparison.Ordinal)) continue;
            value = value[..^suffix.Length].Trim();
            factor = unitFactor;
            break;
        }
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || number <= 0 || double.IsInfinity(number))
            throw new ArgumentException($"'{text}' is not a size (e.g. 10MB, 1GB, 512MiB).");
        return checked((long)Math.Round(number * factor));
    }

    /// <summary>Parses a comma-separated list of sizes.</summary>
    public static IReadOnlyList<long> ParseList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToList();

    /// <summary>A short decimal form: <c>10 MB</c>, <c>1 GB</c>, <c>1.05 GB</c>.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1_000_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.##} GB"),
        >= 1_000_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0.##} MB"),
        >= 1_000 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e3:0.##} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
    };

    /// <summary>A bandwidth in MB/s (10⁶ bytes per second).</summary>
    public static string FormatBandwidth(double bytesPerSecond) =>
        string.Create(CultureInfo.InvariantCulture, $"{bytesPerSecond / 1e6:0} MB/s");
}
