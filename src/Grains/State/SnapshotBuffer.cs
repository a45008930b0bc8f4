using System.Buffers;

namespace OrleansFlow.State;

/// <summary>
/// A growable <see cref="IBufferWriter{T}"/> over arrays of a pool shared by every snapshot writer of the process:
/// a checkpoint reuses the memory of the previous one instead of touching fresh pages (which a virtualized machine
/// pays for on every page fault). Growing rents a larger array and copies; <see cref="Dispose"/> returns the array.
/// Not thread-safe.
/// </summary>
internal sealed class SnapshotBuffer : IBufferWriter<byte>, IDisposable
{
    private const int MinimumSize = 1 << 16;

    /// <summary>Arrays up to 64 MiB are pooled (a few per size); larger ones, for huge single records, are not kept.</summary>
    private static readonly ArrayPool<byte> Pool = ArrayPool<byte>.Create(maxArrayLength: 1 << 26, maxArraysPerBucket: 8);

    private byte[] _array = Pool.Rent(MinimumSize);
    private int _written;

    /// <summary>The number of bytes written since the last <see cref="Reset"/>.</summary>
    public int WrittenCount => _written;

    /// <summary>The bytes written since the last <see cref="Reset"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _array.AsMemory(0, _written);

    /// <summary>The bytes written since the last <see cref="Reset"/>, writable (to patch a length in place).</summary>
    public Span<byte> WrittenSpan => _array.AsSpan(0, _written);

    /// <summary>Forgets the written bytes, keeping the array.</summary>
    public void Reset() => _written = 0;

    /// <inheritdoc />
    public void Advance(int count)
    {
        if ((uint)count > (uint)(_array.Length - _written)) throw new ArgumentOutOfRangeException(nameof(count), count, "Advanced past the end of the buffer.");
        _written += count;
    }

    /// <inheritdoc />
    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsMemory(_written);
    }

    /// <inheritdoc />
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>Returns the array to the pool; the buffer must not be used after.</summary>
    public void Dispose()
    {
        var array = _array;
        _array = [];
        _written = 0;
        if (array.Length > 0) Pool.Return(array);
    }

    private void Ensure(int sizeHint)
    {
        ObjectDisposedException.ThrowIf(_array.Length == 0, this);
        var needed = Math.Max(sizeHint, 1);
        if (_array.Length - _written >= needed) return;
        var size = (int)Math.Min(Array.MaxLength, Math.Max((long)_written + needed, (long)_array.Length * 2));
        if (size - _written < needed) throw new OutOfMemoryException("A snapshot record does not fit in one buffer.");
        var larger = Pool.Rent(size);
        _array.AsSpan(0, _written).CopyTo(larger);
        Pool.Return(_array);
        _array = larger;
    }
}
