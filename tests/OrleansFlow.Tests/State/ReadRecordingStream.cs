namespace OrleansFlow.Tests.State;

/// <summary>A read-only seekable stream over bytes that records the byte range of every read.</summary>
internal sealed class ReadRecordingStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes, writable: false);

    public List<(long Offset, int Count)> Reads { get; } = [];

    public long BytesRead => Reads.Sum(r => (long)r.Count);

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var position = _inner.Position;
        var read = _inner.Read(buffer);
        if (read > 0) Reads.Add((position, read));
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
