using System.Text;

namespace OrleansFlow.State;

/// <summary>
/// Constants and helpers of the keyed-state snapshot format, version 1 (invariant 7: key-group addressable).
/// All integers are little-endian; offsets are relative to the first byte of the snapshot.
/// <code>
/// header   "OFKS" | int32 version | int32 maxParallelism | int32 firstKeyGroup | int32 lastKeyGroup | int32 stateTableLength
/// states   int32 stateCount, then per state: string name | byte kind | string keyType | string valueType (informational)
/// sections per key group in order: records (int32 stateIndex | int32 entryCount | int32 keysLength | keys |
///          int32 valuesLength | values), then int32 -1. Keys and values are TKey[] and TValue[] written with
///          Orleans' version-tolerant serializer; a state without entries in a key group has no record there.
/// index    per key group in order: int64 offset | int64 length of its section
/// footer   int64 indexOffset | int64 totalLength | int32 keyGroupCount | "OFKE"   (fixed 24 bytes, at the end)
/// </code>
/// Strings are an int32 byte length followed by UTF-8 bytes.
/// </summary>
internal static class KeyedStateSnapshotFormat
{
    /// <summary>The first four bytes of every snapshot.</summary>
    public static ReadOnlySpan<byte> Magic => "OFKS"u8;

    /// <summary>The last four bytes of every snapshot.</summary>
    public static ReadOnlySpan<byte> FooterMagic => "OFKE"u8;

    /// <summary>The version this build writes and reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Size of the fixed part of the header.</summary>
    public const int HeaderSize = 24;

    /// <summary>Size of the footer.</summary>
    public const int FooterSize = 24;

    /// <summary>Size of one index entry (offset and length).</summary>
    public const int IndexEntrySize = 16;

    /// <summary>The state index that ends a key-group section.</summary>
    public const int EndOfSection = -1;

    /// <summary>A readable type name without assembly details, e.g. <c>System.Collections.Generic.List&lt;System.Int64&gt;</c>.</summary>
    public static string FormatTypeName(Type type)
    {
        if (type.IsArray) return FormatTypeName(type.GetElementType()!) + "[" + new string(',', type.GetArrayRank() - 1) + "]";
        if (!type.IsGenericType) return type.FullName ?? type.Name;
        var builder = new StringBuilder();
        var definition = type.GetGenericTypeDefinition();
        var name = definition.FullName ?? definition.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        builder.Append(tick < 0 ? name : name[..tick]).Append('<');
        var arguments = type.GetGenericArguments();
        for (var i = 0; i < arguments.Length; i++)
        {
            if (i > 0) builder.Append(", ");
            builder.Append(FormatTypeName(arguments[i]));
        }
        return builder.Append('>').ToString();
    }
}
