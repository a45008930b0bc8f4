using System.Buffers;
using System.Globalization;
using System.IO.Hashing;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// The checksum of a state file (invariant 5): <c>crc64:</c> followed by the 16 lower-case hex digits of the
/// CRC-64 (ECMA-182, as <see cref="Crc64"/> computes it) of the file's whole content. The prefix names the algorithm,
/// so a later format may use another one without ambiguity.
/// </summary>
internal static class StateFileChecksum
{
    /// <summary>The prefix of a CRC-64 checksum.</summary>
    public const string Crc64Prefix = "crc64:";

    private const int BufferSize = 1 << 16;

    /// <summary>The checksum of <paramref name="content"/>.</summary>
    public static string Compute(ReadOnlySpan<byte> content) => Format(Crc64.HashToUInt64(content));

    /// <summary>The checksum of everything <paramref name="stream"/> holds from its current position to its end.</summary>
    public static async Task<string> ComputeAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var crc = new Crc64();
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
                crc.Append(buffer.AsSpan(0, read));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return Format(crc.GetCurrentHashAsUInt64());
    }

    /// <summary>The checksum of the content appended so far to <paramref name="crc"/> (for content checksummed while it is written).</summary>
    public static string Of(Crc64 crc)
    {
        ArgumentNullException.ThrowIfNull(crc);
        return Format(crc.GetCurrentHashAsUInt64());
    }

    /// <summary>Whether <paramref name="checksum"/> names an algorithm this version can compute.</summary>
    public static bool IsSupported(string checksum) => checksum.StartsWith(Crc64Prefix, StringComparison.Ordinal);

    private static string Format(ulong crc) => Crc64Prefix + crc.ToString("x16", CultureInfo.InvariantCulture);
}
