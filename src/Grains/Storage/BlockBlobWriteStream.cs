using System.Buffers;
using System.Text;
using Azure.Storage.Blobs.Specialized;

namespace OrleansFlow.Storage;

/// <summary>
/// The producer's stream of <see cref="AzureBlobCheckpointStorage"/>'s push write: fills blocks of a fixed size from a
/// shared array pool and stages each full one (Put Block) while the producer fills the next, with a bounded number of
/// uploads in flight; <see cref="CompleteAsync"/> stages the rest and commits the block list (Put Block List), which
/// makes the blob appear or replaces it atomically. An object smaller than one block is one Put Blob. Staged blocks that
/// are never committed are invisible and expire (Azure drops them after a week). Not thread-safe: one producer.
/// Protocol: writes, then <see cref="CompleteAsync"/> once; after any failure, <see cref="AbortAsync"/> (waits for the
/// uploads in flight and returns the buffers). A failed upload fails the next write.
/// </summary>
internal sealed class BlockBlobWriteStream : Stream
{
    private readonly BlockBlobClient _blob;
    private readonly int _blockSize;
    private readonly int _maxInFlight;
    private readonly CancellationToken _cancellationToken;
    private readonly string _uploadId = Guid.NewGuid().ToString("N");
    private readonly List<string> _blockIds = [];
    private readonly Queue<Task> _inFlight = new();
    private byte[] _block;
    private int _filled;
    private long _written;

    /// <summary>Creates the stream of one upload to <paramref name="blob"/>.</summary>
    public BlockBlobWriteStream(BlockBlobClient blob, int blockSize, int maxInFlight, CancellationToken cancellationToken)
    {
        _blob = blob;
        _blockSize = blockSize;
        _maxInFlight = maxInFlight;
        _cancellationToken = cancellationToken;
        _block = ArrayPool<byte>.Shared.Rent(blockSize);
    }

    /// <inheritdoc />
    public override bool CanRead => false;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <summary>The number of bytes written so far.</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>Copies <paramref name="buffer"/>; blocks the caller while the maximum of uploads is in flight (prefer <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/>).</summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var copied = Fill(buffer);
            buffer = buffer[copied..];
            if (_filled == _blockSize) StageFullBlockAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
    }

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (!buffer.IsEmpty)
        {
            var copied = Fill(buffer.Span);
            buffer = buffer[copied..];
            if (_filled == _blockSize) await StageFullBlockAsync(cancellationToken);
        }
    }

    /// <summary>Nothing to do: blocks go out when full, the rest at <see cref="CompleteAsync"/>.</summary>
    public override void Flush()
    {
    }

    /// <summary>Uploads what is left and commits: the blob holds exactly the bytes written, or this throws and nothing changed.</summary>
    public async Task CompleteAsync()
    {
        if (_blockIds.Count == 0)
        {
            await _blob.UploadAsync(new MemoryStream(_block, 0, _filled, writable: false), new Azure.Storage.Blobs.Models.BlobUploadOptions(), _cancellationToken);
        }
        else
        {
            if (_filled > 0) Stage(_filled);
            while (_inFlight.Count > 0) await _inFlight.Dequeue();
            await _blob.CommitBlockListAsync(_blockIds, cancellationToken: _cancellationToken);
        }
        ReturnBlock();
    }

    /// <summary>Waits for the uploads in flight, ignoring their failures (the write is failing already), and returns the buffers.</summary>
    public async Task AbortAsync()
    {
        while (_inFlight.Count > 0)
        {
            try
            {
                await _inFlight.Dequeue();
            }
            catch (Exception)
            {
                // Nothing will be committed: a failed upload of a block changes nothing.
            }
        }
        ReturnBlock();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    private int Fill(ReadOnlySpan<byte> source)
    {
        ObjectDisposedException.ThrowIf(_block.Length == 0, this);
        var count = Math.Min(source.Length, _blockSize - _filled);
        source[..count].CopyTo(_block.AsSpan(_filled));
        _filled += count;
        _written += count;
        return count;
    }

    private async ValueTask StageFullBlockAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (_inFlight.Count >= _maxInFlight) await _inFlight.Dequeue();
        Stage(_blockSize);
    }

    private void Stage(int length)
    {
        var block = _block;
        var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{_uploadId}{_blockIds.Count:D8}"));
        _blockIds.Add(id);
        _inFlight.Enqueue(StageAsync(id, block, length));
        _block = ArrayPool<byte>.Shared.Rent(_blockSize);
        _filled = 0;
    }

    private async Task StageAsync(string id, byte[] block, int length)
    {
        try
        {
            await _blob.StageBlockAsync(id, new MemoryStream(block, 0, length, writable: false), cancellationToken: _cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(block);
        }
    }

    private void ReturnBlock()
    {
        if (_block.Length == 0) return;
        ArrayPool<byte>.Shared.Return(_block);
        _block = [];
    }
}
