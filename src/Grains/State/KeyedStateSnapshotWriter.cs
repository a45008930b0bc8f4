using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>
/// Writes one snapshot in <see cref="KeyedStateSnapshotFormat"/> to a stream that need not be seekable, counting the
/// bytes itself so offsets are relative to where the snapshot starts.
/// </summary>
internal sealed class KeyedStateSnapshotWriter
{
    private readonly Stream _output;
    private long _position;
    private KeyGroupRange _range;
    private long[] _offsets = [];
    private long[] _lengths = [];
    private int _nextKeyGroup;
    private long _sectionStart = -1;

    /// <summary>Creates a writer that writes to <paramref name="output"/> from its current position.</summary>
    public KeyedStateSnapshotWriter(Stream output) => _output = output;

    /// <summary>Writes the header and the state table.</summary>
    public void WriteHeader(int maxParallelism, KeyGroupRange range, IReadOnlyList<SnapshotStateMetadata> states)
    {
        _range = range;
        _offsets = new long[range.NumberOfKeyGroups];
        _lengths = new long[range.NumberOfKeyGroups];
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
        Write(header);
        Write(table.WrittenSpan);
    }

    /// <summary>Starts the section of <paramref name="keyGroup"/>; key groups come in order.</summary>
    public void BeginKeyGroup(int keyGroup)
    {
        if (keyGroup != _nextKeyGroup || _sectionStart >= 0) throw new InvalidOperationException($"Key group {keyGroup} is out of order.");
        _sectionStart = _position;
    }

    /// <summary>Writes the entries of state <paramref name="stateIndex"/> in the current key group.</summary>
    public void WriteRecord(int stateIndex, int entryCount, ReadOnlySpan<byte> keys, ReadOnlySpan<byte> values)
    {
        Span<byte> head = stackalloc byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(head, stateIndex);
        BinaryPrimitives.WriteInt32LittleEndian(head[4..], entryCount);
        BinaryPrimitives.WriteInt32LittleEndian(head[8..], keys.Length);
        Write(head);
        Write(keys);
        WriteInt32(values.Length);
        Write(values);
    }

    /// <summary>Ends the current key group's section.</summary>
    public void EndKeyGroup()
    {
        WriteInt32(KeyedStateSnapshotFormat.EndOfSection);
        var index = _nextKeyGroup - _range.StartKeyGroup;
        _offsets[index] = _sectionStart;
        _lengths[index] = _position - _sectionStart;
        _sectionStart = -1;
        _nextKeyGroup++;
    }

    /// <summary>Writes the offset index and the footer, and says what was written.</summary>
    public KeyedStateSnapshotInfo Finish()
    {
        if (_nextKeyGroup != _range.EndKeyGroup + 1) throw new InvalidOperationException("Not every key group of the snapshot was written.");
        var indexOffset = _position;
        var count = _range.NumberOfKeyGroups;
        var index = new byte[count * KeyedStateSnapshotFormat.IndexEntrySize];
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(index.AsSpan(i * KeyedStateSnapshotFormat.IndexEntrySize), _offsets[i]);
            BinaryPrimitives.WriteInt64LittleEndian(index.AsSpan(i * KeyedStateSnapshotFormat.IndexEntrySize + 8), _lengths[i]);
        }
        Write(index);

        var totalLength = _position + KeyedStateSnapshotFormat.FooterSize;
        Span<byte> footer = stackalloc byte[KeyedStateSnapshotFormat.FooterSize];
        BinaryPrimitives.WriteInt64LittleEndian(footer, indexOffset);
        BinaryPrimitives.WriteInt64LittleEndian(footer[8..], totalLength);
        BinaryPrimitives.WriteInt32LittleEndian(footer[16..], count);
        KeyedStateSnapshotFormat.FooterMagic.CopyTo(footer[20..]);
        Write(footer);
        _output.Flush();
        return new KeyedStateSnapshotInfo(_range, _offsets, _lengths, _position);
    }

    private void WriteInt32(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        Write(bytes);
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _position += bytes.Length;
    }

    private static void WriteInt32(ArrayBufferWriter<byte> buffer, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private static void WriteString(ArrayBufferWriter<byte> buffer, string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        WriteInt32(buffer, length);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }
}
