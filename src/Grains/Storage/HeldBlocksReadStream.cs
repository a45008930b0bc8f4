namespace OrleansFlow.Storage;

/// <summary>
/// A read-only, seekable stream over blocks held in memory, in order (the content of a small push write that
/// <see cref="BlockBlobWriteStream"/> sends as one Put Blob; seekable so the SDK can rewind it to retry). Does not own
/// the arrays. Not thread-safe.
/// </summary>
internal sealed class HeldBlocksReadStream : Stream
{
    private readonly IReadOnlyList<(byte[] Array, int Length)> _blocks;
    private readonly long _length;
    private long _position;

    /// <summary>Creates the stream over <paramref name="blocks"/>, each an array and how many of its bytes count.</summary>
    public HeldBlocksReadStream(IReadOnlyList<(byte[] Array, int Length)> blocks)
    {
        _blocks = blocks;
        foreach (var block in blocks) _length += block.Length;
    }

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => true;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => _length;

    /// <inheritdoc />
    public override long Position
    {
        get => _position;
        set => _position = value is >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The position must not be negative.");
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = 0;
        long start = 0;
        foreach (var (array, length) in _blocks)
        {
            if (buffer.Length == read || _position >= _length) break;
            if (_position < start + length)
            {
                var within = (int)(_position - start);
                var count = Math.Min(length - within, buffer.Length - read);
                array.AsSpan(within, count).CopyTo(buffer[read..]);
                read += count;
                _position += count;
            }
            start += length;
        }
        return read;
    }

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        cancellationToken.IsCancellationRequested ? ValueTask.FromCanceled<int>(cancellationToken) : ValueTask.FromResult(Read(buffer.Span));

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        SeekOrigin.End => _length + offset,
        _ => throw new ArgumentOutOfRangeException(nameof(origin)),
    };

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
