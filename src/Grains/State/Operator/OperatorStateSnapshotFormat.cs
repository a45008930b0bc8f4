using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using OrleansFlow.Checkpointing;

namespace OrleansFlow.State;

/// <summary>
/// The operator-state file, version 1: one per operator per subtask that has operator state. Little-endian:
/// <code>
/// header  "OFOS" | int32 version | int32 stateCount
/// states  per state: string name | byte mode | string keyType ("" for a list) | string valueType | int32 count |
///         int64 payloadLength | payload (Orleans' serializer: T[] for a list; int32 keysLength | TKey[] | TValue[] for a map)
/// </code>
/// Strings are an int32 byte length and UTF-8. The payload offsets are in <see cref="OperatorStateEntryInfo"/> (and
/// so in <c>_metadata</c>); the reader checks them against what it parses. Pure.
/// </summary>
internal static class OperatorStateSnapshotFormat
{
    /// <summary>The first four bytes of every operator-state file.</summary>
    public static ReadOnlySpan<byte> Magic => "OFOS"u8;

    /// <summary>The version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    private const int MaxNameBytes = 64 * 1024;

    /// <summary>Writes <paramref name="entries"/> (in the order given) and describes each.</summary>
    public static (byte[] Bytes, IReadOnlyList<OperatorStateEntryInfo> States) Write(Orleans.Serialization.Serializer serializer, IReadOnlyList<IOperatorStateEntry> entries)
    {
        var output = new ArrayBufferWriter<byte>(256);
        output.Write(Magic);
        WriteInt32(output, CurrentVersion);
        WriteInt32(output, entries.Count);
        var infos = new List<OperatorStateEntryInfo>(entries.Count);
        var payload = new ArrayBufferWriter<byte>();
        foreach (var entry in entries)
        {
            WriteString(output, entry.Name);
            output.GetSpan(1)[0] = (byte)entry.Mode;
            output.Advance(1);
            var keyType = entry.KeyType is { } k ? KeyedStateSnapshotFormat.FormatTypeName(k) : null;
            var valueType = KeyedStateSnapshotFormat.FormatTypeName(entry.ValueType);
            WriteString(output, keyType ?? "");
            WriteString(output, valueType);
            WriteInt32(output, entry.Count);
            payload.ResetWrittenCount();
            entry.WritePayload(serializer, payload);
            BinaryPrimitives.WriteInt64LittleEndian(output.GetSpan(8), payload.WrittenCount);
            output.Advance(8);
            var offset = output.WrittenCount;
            output.Write(payload.WrittenSpan);
            infos.Add(new OperatorStateEntryInfo
            {
                Name = entry.Name, Mode = entry.Mode, KeyTypeName = keyType, ValueTypeName = valueType, Count = entry.Count,
                Offset = offset, Length = payload.WrittenCount,
            });
        }
        return (output.WrittenSpan.ToArray(), infos);
    }

    /// <summary>Parses a file; throws <see cref="InvalidDataException"/> saying what is wrong.</summary>
    public static IReadOnlyList<(OperatorStateEntryInfo Info, ReadOnlyMemory<byte> Payload)> Read(ReadOnlyMemory<byte> file)
    {
        var span = file.Span;
        if (span.Length < 12 || !span[..4].SequenceEqual(Magic)) throw new InvalidDataException("It is not an operator-state file (no OFOS header).");
        var version = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
        if (version != CurrentVersion) throw new InvalidDataException($"Operator-state file version {version}; this version of OrleansFlow reads version {CurrentVersion}.");
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[8..]);
        if (count < 0 || count > (span.Length - 12) / 22) throw new InvalidDataException($"It claims {count} states in {span.Length} bytes.");
        var position = 12;
        var states = new List<(OperatorStateEntryInfo, ReadOnlyMemory<byte>)>(count);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(span, ref position);
            if (!names.Add(name)) throw new InvalidDataException($"State '{name}' is listed twice.");
            var modeByte = Take(span, ref position, 1)[0];
            if (modeByte is < (byte)OperatorStateMode.SplitDistribute or > (byte)OperatorStateMode.Broadcast)
                throw new InvalidDataException($"State '{name}' has unknown mode {modeByte}.");
            var mode = (OperatorStateMode)modeByte;
            var keyType = ReadString(span, ref position);
            var valueType = ReadString(span, ref position);
            var elements = BinaryPrimitives.ReadInt32LittleEndian(Take(span, ref position, 4));
            var length = BinaryPrimitives.ReadInt64LittleEndian(Take(span, ref position, 8));
            if (elements < 0) throw new InvalidDataException($"State '{name}' has a negative count.");
            if (length < 0 || length > span.Length - position) throw new InvalidDataException($"State '{name}' claims {length} bytes; {span.Length - position} remain.");
            if ((mode == OperatorStateMode.Broadcast) != (keyType.Length > 0)) throw new InvalidDataException($"State '{name}': a broadcast state has a key type, a list has none.");
            var info = new OperatorStateEntryInfo
            {
                Name = name, Mode = mode, KeyTypeName = keyType.Length == 0 ? null : keyType, ValueTypeName = valueType, Count = elements,
                Offset = position, Length = length,
            };
            states.Add((info, file.Slice(position, (int)length)));
            position += (int)length;
        }
        if (position != span.Length) throw new InvalidDataException($"{span.Length - position} bytes follow the last state.");
        return states;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> span, ref int position, int length)
    {
        if (length > span.Length - position) throw new InvalidDataException("It is truncated.");
        var taken = span.Slice(position, length);
        position += length;
        return taken;
    }

    private static string ReadString(ReadOnlySpan<byte> span, ref int position)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(Take(span, ref position, 4));
        if (length < 0 || length > MaxNameBytes) throw new InvalidDataException($"A string claims {length} bytes.");
        return Encoding.UTF8.GetString(Take(span, ref position, length));
    }

    private static void WriteInt32(ArrayBufferWriter<byte> output, int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(output.GetSpan(4), value);
        output.Advance(4);
    }

    private static void WriteString(ArrayBufferWriter<byte> output, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        WriteInt32(output, bytes.Length);
        output.Write(bytes);
    }
}
