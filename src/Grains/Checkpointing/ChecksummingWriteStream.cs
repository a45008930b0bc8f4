using System.IO.Hashing;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// A write-only stream that passes every byte on to an inner stream and appends it to a CRC-64, so a state file's
/// checksum (<see cref="StateFileChecksum"/>) is known once it is written, without reading it again. Does not own the
/// inner stream. Not thread-safe.
/// </summary>
internal sealed class ChecksummingWriteStream(Stream inner) : Stream
{
    private readonly Crc64 _crc = new();
    private long _length;

    /// <summary>The checksum of everything written so far.</summary>
    public string Checksum => StateFileChecksum.Of(_crc);

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <summary>The number of bytes written so far.</summary>
    public override long Length => _length;

    /// <inheritdoc />
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Append(buffer);
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

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

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    private void Append(ReadOnlySpan<byte> bytes)
    {
        _crc.Append(bytes);
        _length += bytes.Length;
    }
}
