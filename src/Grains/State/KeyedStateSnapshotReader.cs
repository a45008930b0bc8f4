using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.State;

/// <summary>
/// Reads a snapshot in <see cref="KeyedStateSnapshotFormat"/>: the header, the footer, the index entries of the wanted
/// key groups and their sections, nothing else. Validates as it goes and throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class KeyedStateSnapshotReader
{
    /// <summary>
    /// Reads the snapshot that occupies <paramref name="input"/> from its current position to its end, keeping the
    /// key groups in <paramref name="wanted"/> (intersected with the snapshot's own range). With
    /// <paramref name="checksums"/> (those its writer recorded), the header and every section read are verified.
    /// </summary>
    public static ParsedKeyedStateSnapshot Read(Stream input, int expectedMaxParallelism, KeyGroupRange wanted, StateFileSectionChecksums? checksums = null)
    {
        try
        {
            return ReadCore(input, expectedMaxParallelism, wanted, checksums);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("The keyed state snapshot is truncated.", ex);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException("The keyed state snapshot's state table is corrupt.", ex);
        }
    }

    private static ParsedKeyedStateSnapshot ReadCore(Stream input, int expectedMaxParallelism, KeyGroupRange wanted, StateFileSectionChecksums? checksums)
    {
        var basePosition = input.Position;
        var available = input.Length - basePosition;

        // Header: checked field by field so that the first problem is the one reported.
        Span<byte> header = stackalloc byte[KeyedStateSnapshotFormat.HeaderSize];
        var headerRead = (int)Math.Min(available, KeyedStateSnapshotFormat.HeaderSize);
        input.ReadExactly(header[..headerRead]);
        if (headerRead < 4) throw Truncated(available);
        if (!header[..4].SequenceEqual(KeyedStateSnapshotFormat.Magic))
            throw new InvalidDataException("The stream is not a keyed state snapshot: it does not start with the magic bytes 'OFKS'.");
        if (headerRead < 8) throw Truncated(available);
        var version = BinaryPrimitives.ReadInt32LittleEndian(header[4..]);
        if (version != KeyedStateSnapshotFormat.CurrentVersion)
            throw new InvalidDataException(
                $"The keyed state snapshot has format version {version}, which this build cannot read (it reads version {KeyedStateSnapshotFormat.CurrentVersion}).");
        if (headerRead < 12) throw Truncated(available);
        var maxParallelism = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (maxParallelism != expectedMaxParallelism)
            throw new InvalidDataException(
                $"The keyed state snapshot was taken with max parallelism {maxParallelism} but this job has {expectedMaxParallelism}; max parallelism cannot change across a restore.");
        if (headerRead < KeyedStateSnapshotFormat.HeaderSize || available < KeyedStateSnapshotFormat.HeaderSize + KeyedStateSnapshotFormat.FooterSize)
            throw Truncated(available);
        var start = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        var end = BinaryPrimitives.ReadInt32LittleEndian(header[16..]);
        if (start < 0 || end < start - 1 || end >= maxParallelism)
            throw new InvalidDataException($"The keyed state snapshot is corrupt: key-group range [{start}, {end}] is invalid for max parallelism {maxParallelism}.");
        var snapshotRange = new KeyGroupRange(start, end);
        var stateTableLength = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        var dataStart = (long)KeyedStateSnapshotFormat.HeaderSize + stateTableLength;
        if (stateTableLength < 4 || dataStart + KeyedStateSnapshotFormat.FooterSize > available)
            throw new InvalidDataException($"The keyed state snapshot is truncated or corrupt: its state table length {stateTableLength} does not fit.");

        // Footer, at the end of the stream.
        Span<byte> footer = stackalloc byte[KeyedStateSnapshotFormat.FooterSize];
        input.Seek(basePosition + available - KeyedStateSnapshotFormat.FooterSize, SeekOrigin.Begin);
        input.ReadExactly(footer);
        if (!footer[20..].SequenceEqual(KeyedStateSnapshotFormat.FooterMagic))
            throw new InvalidDataException($"The keyed state snapshot is truncated or corrupt: no footer at the end of its {available} bytes.");
        var indexOffset = BinaryPrimitives.ReadInt64LittleEndian(footer);
        var totalLength = BinaryPrimitives.ReadInt64LittleEndian(footer[8..]);
        var keyGroupCount = BinaryPrimitives.ReadInt32LittleEndian(footer[16..]);
        if (totalLength != available)
            throw new InvalidDataException($"The keyed state snapshot is truncated or corrupt: it should be {totalLength} bytes but the stream holds {available}.");
        if (keyGroupCount != snapshotRange.NumberOfKeyGroups
            || indexOffset != totalLength - KeyedStateSnapshotFormat.FooterSize - (long)keyGroupCount * KeyedStateSnapshotFormat.IndexEntrySize
            || indexOffset < dataStart)
            throw new InvalidDataException("The keyed state snapshot is corrupt: its footer does not match its header.");

        // State table.
        input.Seek(basePosition + KeyedStateSnapshotFormat.HeaderSize, SeekOrigin.Begin);
        var stateTable = new byte[stateTableLength];
        input.ReadExactly(stateTable);
        if (checksums is not null)
        {
            if (checksums.KeyGroups.Count != snapshotRange.NumberOfKeyGroups)
                throw new InvalidDataException($"The keyed state snapshot covers {snapshotRange.NumberOfKeyGroups} key groups but {checksums.KeyGroups.Count} section checksums were recorded for it.");
            var hash = new XxHash3();
            hash.Append(header);
            hash.Append(stateTable);
            if (hash.GetCurrentHashAsUInt64() is var actual && actual != checksums.Header)
                throw new InvalidDataException($"The keyed state snapshot's header is corrupt: checksum {actual:x16}, expected {checksums.Header:x16}.");
        }
        var states = ParseStateTable(stateTable);
        var chunks = new List<RestoredStateChunk>[states.Length];
        for (var i = 0; i < chunks.Length; i++) chunks[i] = [];

        var effective = snapshotRange.Intersect(wanted);
        if (effective.IsEmpty) return new ParsedKeyedStateSnapshot(snapshotRange, states, chunks);

        // Index entries of the wanted key groups only.
        var index = new byte[effective.NumberOfKeyGroups * KeyedStateSnapshotFormat.IndexEntrySize];
        input.Seek(basePosition + indexOffset + (long)(effective.StartKeyGroup - start) * KeyedStateSnapshotFormat.IndexEntrySize, SeekOrigin.Begin);
        input.ReadExactly(index);
        var offsets = new long[effective.NumberOfKeyGroups];
        var lengths = new long[effective.NumberOfKeyGroups];
        long first = long.MaxValue, last = long.MinValue;
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = BinaryPrimitives.ReadInt64LittleEndian(index.AsSpan(i * KeyedStateSnapshotFormat.IndexEntrySize));
            lengths[i] = BinaryPrimitives.ReadInt64LittleEndian(index.AsSpan(i * KeyedStateSnapshotFormat.IndexEntrySize + 8));
            if (offsets[i] < dataStart || lengths[i] < 4 || offsets[i] + lengths[i] > indexOffset)
                throw new InvalidDataException(
                    $"The keyed state snapshot is corrupt: key group {effective.StartKeyGroup + i} has section [{offsets[i]}, +{lengths[i]}) outside its data.");
            first = Math.Min(first, offsets[i]);
            last = Math.Max(last, offsets[i] + lengths[i]);
        }

        // The wanted sections are contiguous as written: one read.
        var sections = new byte[last - first];
        input.Seek(basePosition + first, SeekOrigin.Begin);
        input.ReadExactly(sections);
        var memory = new ReadOnlyMemory<byte>(sections);
        for (var i = 0; i < offsets.Length; i++)
        {
            var section = memory.Slice((int)(offsets[i] - first), (int)lengths[i]);
            var keyGroup = effective.StartKeyGroup + i;
            if (checksums is not null && XxHash3.HashToUInt64(section.Span) is var actual && actual != checksums.KeyGroups[keyGroup - start])
                throw new InvalidDataException($"The keyed state snapshot is corrupt: the section of key group {keyGroup} has checksum {actual:x16}, expected {checksums.KeyGroups[keyGroup - start]:x16}.");
            ParseSection(section, keyGroup, chunks);
        }
        return new ParsedKeyedStateSnapshot(snapshotRange, states, chunks);
    }

    private static SnapshotStateMetadata[] ParseStateTable(byte[] table)
    {
        var position = 0;
        var count = ReadInt32(table, ref position);
        if (count < 0 || count > table.Length) throw new InvalidDataException($"The keyed state snapshot is corrupt: state count {count}.");
        var states = new SnapshotStateMetadata[count];
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(table, ref position);
            if (position >= table.Length) throw new InvalidDataException("The keyed state snapshot is corrupt: its state table ends early.");
            var kind = (StateKind)table[position++];
            if (kind < StateKind.Value || kind > StateKind.Aggregating)
                throw new InvalidDataException($"The keyed state snapshot is corrupt: state '{name}' has unknown kind {(byte)kind}.");
            if (!names.Add(name)) throw new InvalidDataException($"The keyed state snapshot is corrupt: state '{name}' appears twice.");
            states[i] = new SnapshotStateMetadata(name, kind, ReadString(table, ref position), ReadString(table, ref position));
        }
        if (position != table.Length) throw new InvalidDataException("The keyed state snapshot is corrupt: its state table has trailing bytes.");
        return states;
    }

    private static void ParseSection(ReadOnlyMemory<byte> section, int keyGroup, List<RestoredStateChunk>[] chunks)
    {
        var span = section.Span;
        var position = 0;
        while (true)
        {
            var stateIndex = ReadInt32(span, ref position, keyGroup);
            if (stateIndex == KeyedStateSnapshotFormat.EndOfSection) break;
            if ((uint)stateIndex >= (uint)chunks.Length)
                throw new InvalidDataException($"The keyed state snapshot is corrupt: key group {keyGroup} refers to state #{stateIndex} of {chunks.Length}.");
            var entryCount = ReadInt32(span, ref position, keyGroup);
            var keys = ReadBlock(section, ref position, keyGroup);
            var values = ReadBlock(section, ref position, keyGroup);
            if (entryCount <= 0) throw new InvalidDataException($"The keyed state snapshot is corrupt: key group {keyGroup} has a record of {entryCount} entries.");
            chunks[stateIndex].Add(new RestoredStateChunk(keyGroup, entryCount, keys, values));
        }
        if (position != span.Length) throw new InvalidDataException($"The keyed state snapshot is corrupt: the section of key group {keyGroup} has trailing bytes.");
    }

    private static ReadOnlyMemory<byte> ReadBlock(ReadOnlyMemory<byte> section, ref int position, int keyGroup)
    {
        var length = ReadInt32(section.Span, ref position, keyGroup);
        if (length < 0 || length > section.Length - position)
            throw new InvalidDataException($"The keyed state snapshot is corrupt: the section of key group {keyGroup} has a block of {length} bytes that does not fit.");
        var block = section.Slice(position, length);
        position += length;
        return block;
    }

    private static int ReadInt32(ReadOnlySpan<byte> span, ref int position, int keyGroup)
    {
        if (span.Length - position < 4) throw new InvalidDataException($"The keyed state snapshot is corrupt: the section of key group {keyGroup} ends early.");
        var value = BinaryPrimitives.ReadInt32LittleEndian(span[position..]);
        position += 4;
        return value;
    }

    private static int ReadInt32(byte[] table, ref int position)
    {
        if (table.Length - position < 4) throw new InvalidDataException("The keyed state snapshot is corrupt: its state table ends early.");
        var value = BinaryPrimitives.ReadInt32LittleEndian(table.AsSpan(position));
        position += 4;
        return value;
    }

    private static string ReadString(byte[] table, ref int position)
    {
        var length = ReadInt32(table, ref position);
        if (length < 0 || length > table.Length - position) throw new InvalidDataException("The keyed state snapshot is corrupt: a string in its state table does not fit.");
        var value = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(table, position, length);
        position += length;
        return value;
    }

    private static InvalidDataException Truncated(long available) =>
        new($"The keyed state snapshot is truncated: the stream holds only {available} bytes.");
}
