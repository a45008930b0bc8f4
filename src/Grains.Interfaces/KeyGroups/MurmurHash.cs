namespace OrleansFlow.KeyGroups;

/// <summary>Flink's <c>MathUtils.murmurHash(int)</c>: one MurmurHash3 round over a 32-bit code, made non-negative.</summary>
public static class MurmurHash
{
    /// <summary>Scrambles <paramref name="code"/> exactly as Flink's <c>MathUtils.murmurHash</c> does.</summary>
    public static int Hash(int code)
    {
        unchecked
        {
            var c = (uint)code;
            c *= 0xcc9e2d51;
            c = (c << 15) | (c >> 17);
            c *= 0x1b873593;
            c = (c << 13) | (c >> 19);
            c = c * 5 + 0xe6546b64;
            c ^= 4;
            c = BitMix(c);
            var result = (int)c;
            if (result >= 0) return result;
            return result != int.MinValue ? -result : 0;
        }
    }

    private static uint BitMix(uint h)
    {
        unchecked
        {
            h ^= h >> 16;
            h *= 0x85ebca6b;
            h ^= h >> 13;
            h *= 0xc2b2ae35;
            h ^= h >> 16;
            return h;
        }
    }
}
