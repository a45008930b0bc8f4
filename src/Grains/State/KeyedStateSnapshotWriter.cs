using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using Orleans.Serialization;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>
/// Writes one snapshot in <see cref="KeyedStateSnapshotFormat"/> to a stream that need not be seekable, counting the
/// bytes itself so offsets are relative to where the snapshot starts. Records are serialized into a buffer, which goes
/// to the stream asynchronously whenever it holds <see cref="FlushThreshold"/> bytes while the next records fill a second
/// buffer (at most one write in flight, so serialization and I/O overlap and the stream sees its writes in order):
/// memory stays about two buffers, not the snapshot. Not thread-safe: one writing thread at a time.
/// Protocol: <see cref="WriteHeader"/>, then per key group <see cref="BeginKeyGroup"/>, records, <see cref="EndKeyGroup"/>
/// (with <see cref="FlushIfFullAsync"/> between records), then <see cref="FinishAsync"/>; after a failure,
/// <see cref="AbandonAsync"/> waits for the write in flight so the stream is no longer in use.
/// </summary>
internal sealed class KeyedStateSnapshotWriter
{
    /// <summary>How many buffered bytes <see cref="FlushIfFullAsync"/> lets gather before it writes them.</summary>
    public const int FlushThreshold = 1 << 20;

    private readonly Stream _output;
    private SnapshotBuffer _buffer = new();
    private SnapshotBuffer _spare = new();
    private Task _inFlight = Task.CompletedTask;
    private long _flushed;
    private KeyGroupRange _range;
    private long[] _offsets = [];
    private long[] _lengths = [];
    private ulong[] _sectionChecksums = [];
    private ulong _headerChecksum;
    private readonly XxHash3 _sectionHash = new();
    private long _hashedUpTo;
    private int _nextKeyGroup;
    private long _sectionStart = -1;

    /// <summary>Creates a writer that writes to <paramref name="output"/> from its current position.</summary>
    public KeyedStateSnapshotWriter(Stream output) => _output = output;

    /// <summary>The number of bytes of the snapshot written so far (flushed or buffered).</summary>
    public long Position => _flushed + _buffer.WrittenCount;

    /// <summary>Writes the header and the state table.</summary>
    public void WriteHeader(int maxParallelism, KeyGroupRange range, IReadOnlyList<SnapshotStateMetadata> states)
    {
        _range = range;
        _offsets = new long[range.NumberOfKeyGroups];
        _lengths = new long[range.NumberOfKeyGroups];
        _sectionChecksums = new ulong[range.NumberOfKeyGroups];
        _nextKeyGroup = range.StartKeyGroup;

        var table = new ArrayBufferWriter<byte>(256);
        WriteInt32(table, states.Count);
        foreach (var state in states)
        {
            WriteString(table, state.Name);
            table.GetSpan(1)[0] = (byte)state.Kind;
            table.Advance(1);
            WriteString(table, state.KeyTypeName);
            WriteString(table, state.ValueTypeName);
        }

        Span<byte> header = stackalloc byte[KeyedStateSnapshotFormat.HeaderSize];
        KeyedStateSnapshotFormat.Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], KeyedStateSnapshotFormat.CurrentVersion);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], maxParallelism);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], range.StartKeyGroup);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], range.EndKeyGroup);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], table.WrittenCount);
        if (Position != 0) throw new InvalidOperationException("The header comes first.");
        _buffer.Write(header);
        _buffer.Write(table.WrittenSpan);
        _headerChecksum = XxHash3.HashToUInt64(_buffer.WrittenSpan);
    }

    /// <summary>Starts the section of <paramref name="keyGroup"/>; key groups come in order.</summary>
    public void BeginKeyGroup(int keyGroup)
    {
        if (keyGroup != _nextKeyGroup || _sectionStart >= 0) throw new InvalidOperationException($"Key group {keyGroup} is out of order.");
        _sectionStart = Position;
        _hashedUpTo = Position;
        _sectionHash.Reset();
    }

    /// <summary>Writes already serialized entries of state <paramref name="stateIndex"/> in the current key group.</summary>
    public void WriteRecord(int stateIndex, int entryCount, ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values)
    {
        WriteInt32(_buffer, stateIndex);
        WriteInt32(_buffer, entryCount);
        WriteInt32(_buffer, keys.Length);
        _buffer.Write(keys);
        WriteInt32(_buffer, values.Length);
        _buffer.Write(values);
    }

    /// <summary>Serializes the entries of state <paramref name="stateIndex"/> in the current key group straight into the buffer.</summary>
    public void WriteRecord<TKey, TValue>(int stateIndex, TKey[] keys, TValue[] values, Serializer serializer)
    {
        WriteInt32(_buffer, stateIndex);
        WriteInt32(_buffer, keys.Length);
        WriteLengthPrefixed(keys, serializer);
        WriteLengthPrefixed(values, serializer);
    }

    /// <summary>Ends the current key group's section.</summary>
    public void EndKeyGroup()
    {
        WriteInt32(_buffer, KeyedStateSnapshotFormat.EndOfSection);
        HashSectionBytes();
        var index = _nextKeyGroup - _range.StartKeyGroup;
        _sectionChecksums[index] = _sectionHash.GetCurrentHashAsUInt64();
        _offsets[index] = _sectionStart;
        _lengths[index] = Position - _sectionStart;
        _sectionStart = -1;
        _nextKeyGroup++;
    }

    /// <summary>Writes the buffered bytes to the stream when there are at least <see cref="FlushThreshold"/> of them.</summary>
    public ValueTask FlushIfFullAsync(CancellationToken cancellationToken) =>
        _buffer.WrittenCount >= FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.CompletedTask;

    /// <summary>Writes the offset index and the footer, flushes everything to the stream, and says what was written.</summary>
    public async Task<KeyedStateSnapshotInfo> FinishAsync(CancellationToken cancellationToken)
    {
        if (_nextKeyGroup != _range.EndKeyGroup + 1) throw new InvalidOperationException("Not every key group of the snapshot was written.");
        var indexOffset = Position;
        var count = _range.NumberOfKeyGroups;
        var index = _buffer.GetSpan(count * KeyedStateSnapshotFormat.IndexEntrySize);
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(index[(i * KeyedStateSnapshotFormat.IndexEntrySize)..], _offsets[i]);
            BinaryPrimitives.WriteInt64LittleEndian(index[(i * KeyedStateSnapshotFormat.IndexEntrySize + 8)..], _lengths[i]);
        }
        _buffer.Advance(count * KeyedStateSnapshotFormat.IndexEntrySize);

        var totalLength = Position + KeyedStateSnapshotFormat.FooterSize;
        var footer = _buffer.GetSpan(KeyedStateSnapshotFormat.FooterSize);
        BinaryPrimitives.WriteInt64LittleEndian(footer, indexOffset);
        BinaryPrimitives.WriteInt64LittleEndian(footer[8..], totalLength);
        BinaryPrimitives.WriteInt32LittleEndian(footer[16..], count);
        KeyedStateSnapshotFormat.FooterMagic.CopyTo(footer[20..]);
        _buffer.Advance(KeyedStateSnapshotFormat.FooterSize);
        await FlushAsync(cancellationToken);
        await _inFlight;
        await _output.FlushAsync(cancellationToken);
        ReturnBuffers();
        return new KeyedStateSnapshotInfo(_range, _offsets, _lengths, _flushed, new StateFileSectionChecksums(_headerChecksum, _sectionChecksums));
    }

    /// <summary>Waits for the write in flight, ignoring its failure (the caller is already failing): afterwards nothing uses the stream.</summary>
    public async Task AbandonAsync()
    {
        try
        {
            await _inFlight;
        }
        catch (Exception)
        {
            // The write's failure is the caller's failure or a consequence of it; it has nothing to add.
        }
        ReturnBuffers();
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await _inFlight; // the spare buffer's write: once done, the spare is free
        if (_sectionStart >= 0) HashSectionBytes(); // the buffer leaves: hash its part of the open section first
        _spare.Reset();
        var full = _buffer;
        _buffer = _spare;
        _spare = full;
        _flushed += full.WrittenCount;
        _inFlight = _output.WriteAsync(full.WrittenMemory, cancellationToken).AsTask();
    }

    private void WriteLengthPrefixed<T>(T value, Serializer serializer)
    {
        var lengthAt = _buffer.WrittenCount;
        WriteInt32(_buffer, 0);
        serializer.Serialize(value, _buffer);
        var length = _buffer.WrittenCount - lengthAt - 4;
        BinaryPrimitives.WriteInt32LittleEndian(_buffer.WrittenSpan[lengthAt..], length);
    }

    /// <summary>Appends the buffered bytes of the open section not hashed yet to its checksum.</summary>
    private void HashSectionBytes()
    {
        _sectionHash.Append(_buffer.WrittenSpan[(int)(_hashedUpTo - _flushed)..]);
        _hashedUpTo = Position;
    }

    private void ReturnBuffers()
    {
        _buffer.Dispose();
        _spare.Dispose();
    }

    private static void WriteInt32(IBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void WriteString(IBufferWriter<byte> buffer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt32(buffer, length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }
}
