using System.Globalization;

namespace OrleansFlow.Network;

/// <summary>Byte counts for people (1024-based units).</summary>
internal static class ByteSize
{
    /// <summary>Formats <paramref name="bytes"/> as e.g. <c>80 KiB</c> or <c>1.5 MiB</c>, with the exact count when it is not whole.</summary>
    public static string Format(long bytes)
    {
        string[] units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
        double value = bytes;
        var unit = 0;
        while (Math.Abs(value) >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return unit == 0
            ? $"{bytes} bytes"
            : string.Create(CultureInfo.InvariantCulture, $"{value:0.#} {units[unit]}");
    }
}
