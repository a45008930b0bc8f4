namespace OrleansFlow.Storage;

/// <summary>
/// The shape of the forward-only write streams of checkpoint writing: no reads, no seeks, the position is the number of
/// bytes written (<see cref="Written"/>, counted by the derived class), and the array overloads go to the span and
/// memory ones. Derived classes implement <see cref="Write(ReadOnlySpan{byte})"/>,
/// <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/> and <see cref="Stream.Flush()"/>.
/// </summary>
internal abstract class WriteOnlyStreamBase : Stream
{
    /// <summary>The number of bytes written so far.</summary>
    protected long Written { get; set; }

    /// <inheritdoc />
    public sealed override bool CanRead => false;

    /// <inheritdoc />
    public sealed override bool CanSeek => false;

    /// <inheritdoc />
    public sealed override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <summary>The number of bytes written so far.</summary>
    public sealed override long Position
    {
        get => Written;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public sealed override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public abstract override void Write(ReadOnlySpan<byte> buffer);

    /// <inheritdoc />
    public sealed override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public abstract override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public sealed override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public sealed override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public sealed override void SetLength(long value) => throw new NotSupportedException();
}
