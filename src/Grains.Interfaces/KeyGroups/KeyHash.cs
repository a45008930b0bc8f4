using System.Runtime.CompilerServices;
using System.Text;

namespace OrleansFlow.KeyGroups;

/// <summary>
/// Stable key hashes (invariant 1). For <see cref="int"/>, <see cref="long"/>, <see cref="string"/> (and the other
/// Java boxed primitives) the hash is Java's <c>hashCode</c>, so key groups equal Flink's for the same key. Tuples and
/// records of supported keys implement <see cref="IStableKey"/> or are value tuples, hashed like Java's
/// <c>Arrays.hashCode</c>. Any other key is hashed from its canonical bytes when it is a <see cref="Guid"/> or
/// <see cref="byte"/> array; otherwise hashing fails with a clear error. Never <see cref="object.GetHashCode"/>.
/// </summary>
public static class KeyHash
{
    /// <summary>Java's <c>Long.hashCode</c>.</summary>
    public static int OfLong(long value) => unchecked((int)(value ^ (long)((ulong)value >> 32)));

    /// <summary>Java's <c>String.hashCode</c> over UTF-16 code units.</summary>
    public static int OfString(string value)
    {
        var h = 0;
        foreach (var c in value) h = unchecked(31 * h + c);
        return h;
    }

    /// <summary>Java's <c>Arrays.hashCode(byte[])</c> over canonical bytes.</summary>
    public static int OfBytes(ReadOnlySpan<byte> bytes)
    {
        var h = 1;
        foreach (var b in bytes) h = unchecked(31 * h + (sbyte)b);
        return h;
    }

    /// <summary>The stable hash of a key of static type <typeparamref name="TKey"/>; specialised without boxing for primitives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of<TKey>(TKey key) where TKey : notnull
    {
        if (typeof(TKey) == typeof(long)) return OfLong(Unsafe.As<TKey, long>(ref key));
        if (typeof(TKey) == typeof(int)) return Unsafe.As<TKey, int>(ref key);
        return OfObject(key);
    }

    /// <summary>The stable hash of a boxed key.</summary>
    public static int OfObject(object key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key switch
        {
            int i => i,
            long l => OfLong(l),
            string s => OfString(s),
            short s => s,
            byte b => (sbyte)b,
            sbyte sb => sb,
            char c => c,
            bool b => b ? 1231 : 1237,
            Guid g => OfGuid(g),
            byte[] bytes => OfBytes(bytes),
            IStableKey stable => stable.GetStableHashCode(),
            ITuple tuple => OfTuple(tuple),
            _ => throw new NotSupportedException(
                $"Key type '{key.GetType().FullName}' has no stable hash. Use int, long, string, Guid, byte[], a value tuple of those, or implement {nameof(IStableKey)}."),
        };
    }

    private static int OfGuid(Guid g)
    {
        Span<byte> bytes = stackalloc byte[16];
        g.TryWriteBytes(bytes, bigEndian: true, out _);
        return OfBytes(bytes);
    }

    private static int OfTuple(ITuple tuple)
    {
        var h = 1;
        for (var i = 0; i < tuple.Length; i++)
        {
            var item = tuple[i];
            h = unchecked(31 * h + (item is null ? 0 : OfObject(item)));
        }
        return h;
    }
}
