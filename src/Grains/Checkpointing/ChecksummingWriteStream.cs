using System.IO.Hashing;
using OrleansFlow.Storage;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// A write-only stream that passes every byte on to an inner stream and appends it to a CRC-64, so a state file's
/// checksum (<see cref="StateFileChecksum"/>) is known once it is written, without reading it again. Does not own the
/// inner stream. Not thread-safe.
/// </summary>
internal sealed class ChecksummingWriteStream(Stream inner) : WriteOnlyStreamBase
{
    private readonly Crc64 _crc = new();

    /// <summary>The checksum of everything written so far.</summary>
    public string Checksum => StateFileChecksum.Of(_crc);

    /// <summary>The number of bytes written so far.</summary>
    public override long Length => Written;

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Append(buffer);
    }

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await inner.WriteAsync(buffer, cancellationToken);
        Append(buffer.Span);
    }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _crc.Append(bytes);
        Written += bytes.Length;
    }
}
