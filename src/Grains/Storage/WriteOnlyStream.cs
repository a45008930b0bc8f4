namespace OrleansFlow.Storage;

/// <summary>
/// What a storage hands to a producer in
/// <see cref="ICheckpointStorage.WriteAsync(string, Func{Stream, CancellationToken, Task}, CancellationToken)"/>: the
/// writes and flushes of an inner stream, nothing else (no reads, no seeks), and disposing it does not close the inner
/// stream, which the storage still has to complete. Not thread-safe, as the inner stream.
/// </summary>
internal sealed class WriteOnlyStream(Stream inner) : WriteOnlyStreamBase
{
    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Written += buffer.Length;
    }

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Written += buffer.Length;
        return inner.WriteAsync(buffer, cancellationToken);
    }

    /// <inheritdoc />
    public override void Flush() => inner.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}
