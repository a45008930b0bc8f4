using System.Buffers;
using System.Text;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace OrleansFlow.Storage;

/// <summary>
/// The producer's stream of <see cref="AzureBlobCheckpointStorage"/>'s push write: fills blocks of a fixed size from a
/// shared array pool. While the content is at most the single-upload threshold the full blocks are held, and
/// <see cref="CompleteAsync"/> sends them as one Put Blob (what the Azure SDK does for content of known length up to its
/// initial transfer size; one request, and Azurite stores staged blocks several times slower). Beyond the threshold
/// every held and later block is staged (Put Block) while the producer fills the next, with a bounded number of uploads
/// in flight, and <see cref="CompleteAsync"/> stages the rest and commits the block list (Put Block List). Either way
/// the blob appears or is replaced atomically; staged blocks that are never committed are invisible and expire (Azure
/// drops them after a week). Not thread-safe: one producer.
/// Protocol: writes, then <see cref="CompleteAsync"/> once; after any failure, <see cref="AbortAsync"/> (waits for the
/// uploads in flight and returns the buffers). A failed upload fails the next write.
/// </summary>
internal sealed class BlockBlobWriteStream : WriteOnlyStreamBase
{
    private readonly BlockBlobClient _blob;
    private readonly int _blockSize;
    private readonly int _maxInFlight;
    private readonly long _singleUploadThreshold;
    private readonly List<(byte[] Array, int Length)> _held = [];
    private long _heldBytes;
    private bool _staging;
    private readonly CancellationToken _cancellationToken;
    private readonly string _uploadId = Guid.NewGuid().ToString("N");
    private readonly List<string> _blockIds = [];
    private readonly Queue<Task> _inFlight = new();
    private byte[] _block;
    private int _filled;

    /// <summary>Creates the stream of one upload to <paramref name="blob"/>.</summary>
    public BlockBlobWriteStream(BlockBlobClient blob, int blockSize, int maxInFlight, long singleUploadThreshold, CancellationToken cancellationToken)
    {
        _blob = blob;
        _blockSize = blockSize;
        _maxInFlight = maxInFlight;
        _singleUploadThreshold = singleUploadThreshold;
        _cancellationToken = cancellationToken;
        _block = ArrayPool<byte>.Shared.Rent(blockSize);
    }

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
        if (!_staging && _heldBytes + _filled <= _singleUploadThreshold)
        {
            _held.Add((_block, _filled));
            _block = [];
            // Default transfer options: one Put Blob up to the SDK's 256 MiB, streamed from the held blocks. (Setting
            // InitialTransferSize explicitly measured 2.7× slower on Azurite: the SDK then copies into buffers of its own.)
            await _blob.UploadAsync(new HeldBlocksReadStream(_held), new BlobUploadOptions(), _cancellationToken);
        }
        else
        {
            await StageHeldAsync();
            if (_filled > 0) Stage(_filled);
            while (_inFlight.Count > 0) await _inFlight.Dequeue();
            await _blob.CommitBlockListAsync(_blockIds, cancellationToken: _cancellationToken);
        }
        ReturnBlocks();
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
        ReturnBlocks();
    }

    private int Fill(ReadOnlySpan<byte> source)
    {
        ObjectDisposedException.ThrowIf(_block.Length == 0, this);
        var count = Math.Min(source.Length, _blockSize - _filled);
        source[..count].CopyTo(_block.AsSpan(_filled));
        _filled += count;
        Written += count;
        return count;
    }

    private async ValueTask StageFullBlockAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_staging)
        {
            if (_heldBytes + _blockSize <= _singleUploadThreshold)
            {
                _held.Add((_block, _blockSize));
                _heldBytes += _blockSize;
                _block = ArrayPool<byte>.Shared.Rent(_blockSize);
                _filled = 0;
                return;
            }
            await StageHeldAsync();
        }
        while (_inFlight.Count >= _maxInFlight) await _inFlight.Dequeue();
        Stage(_blockSize);
    }

    /// <summary>Leaves the single-upload mode: stages every held block, in order.</summary>
    private async ValueTask StageHeldAsync()
    {
        if (_staging) return;
        _staging = true;
        var held = _held.ToArray();
        _held.Clear();
        _heldBytes = 0;
        foreach (var (array, length) in held)
        {
            while (_inFlight.Count >= _maxInFlight) await _inFlight.Dequeue();
            StageBlock(array, length);
        }
    }

    private void Stage(int length)
    {
        StageBlock(_block, length);
        _block = ArrayPool<byte>.Shared.Rent(_blockSize);
        _filled = 0;
    }

    /// <summary>Starts the upload of <paramref name="block"/>, which returns it to the pool when done.</summary>
    private void StageBlock(byte[] block, int length)
    {
        var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{_uploadId}{_blockIds.Count:D8}"));
        _blockIds.Add(id);
        _inFlight.Enqueue(StageAsync(id, block, length));
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

    private void ReturnBlocks()
    {
        foreach (var (array, _) in _held)
        {
            if (array.Length > 0) ArrayPool<byte>.Shared.Return(array);
        }
        _held.Clear();
        if (_block.Length > 0) ArrayPool<byte>.Shared.Return(_block);
        _block = [];
    }
}
