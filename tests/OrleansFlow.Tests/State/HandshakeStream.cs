namespace OrleansFlow.Tests.State;

/// <summary>
/// A write-only in-memory stream whose every asynchronous write first waits for the test's go-ahead: the writing
/// thread announces each write (<see cref="WaitForWriteAsync"/>) and is held until <see cref="Proceed"/>, so a test
/// can interleave its own work with a write in progress without sleeping.
/// </summary>
internal sealed class HandshakeStream : Stream
{
    private readonly MemoryStream _content = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly SemaphoreSlim _proceed = new(0);

    /// <summary>How many writes were held.</summary>
    public int Handshakes { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _content.Length;

    public override long Position
    {
        get => _content.Position;
        set => throw new NotSupportedException();
    }

    /// <summary>Completes when the writer is held at its next write.</summary>
    public Task WaitForWriteAsync() => _arrived.WaitAsync();

    /// <summary>Lets the held write go on.</summary>
    public void Proceed()
    {
        Handshakes++;
        _proceed.Release();
    }

    public byte[] ToArray() => _content.ToArray();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _arrived.Release();
        await _proceed.WaitAsync(cancellationToken);
        _content.Write(buffer.Span);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Writes are asynchronous.");
    public override void Flush() { }
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
