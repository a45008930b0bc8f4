using OrleansFlow.KeyGroups;

namespace OrleansFlow.Tests.KeyGroups;

public sealed class KeyHashTests
{
    [Theory]
    [InlineData(0L, 0)]
    [InlineData(1L, 1)]
    [InlineData(-1L, 0)]
    [InlineData(1L << 32, 1)]
    [InlineData((1L << 32) + 5, 4)]
    [InlineData(long.MaxValue, int.MinValue)] // 0x7fffffff ^ 0xffffffff = 0x80000000
    [InlineData(long.MinValue, int.MinValue)] // 0x80000000 ^ 0x00000000
    [InlineData(-2L, 1)]                       // 0xfffffffe ^ 0xffffffff
    public void OfLong_WhenValue_EqualsJavaLongHashCode(long value, int expected)
    {
        Assert.Equal(expected, KeyHash.OfLong(value));
        Assert.Equal(expected, KeyHash.OfObject(value));
        Assert.Equal(expected, KeyHash.Of(value));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("a", 97)]
    [InlineData("hello", 99162322)]
    [InlineData("flink", 97520992)]
    [InlineData("polygenelubricants", int.MinValue)] // the classic Java string whose hashCode is Integer.MIN_VALUE
    public void OfString_WhenValue_EqualsJavaStringHashCode(string value, int expected)
    {
        Assert.Equal(expected, KeyHash.OfString(value));
        Assert.Equal(expected, KeyHash.OfObject(value));
        Assert.Equal(expected, KeyHash.Of(value));
    }

    [Fact]
    public void OfString_WhenNonAsciiText_HashesUtf16CodeUnits()
    {
        // "é" is U+00E9 (233); an emoji is a surrogate pair hashed unit by unit, as Java does.
        Assert.Equal(233, KeyHash.OfString("é"));
        const string emoji = "\U0001F600";
        Assert.Equal(unchecked(31 * 0xD83D + 0xDE00), KeyHash.OfString(emoji));
    }

    [Fact]
    public void OfObject_WhenJavaBoxedPrimitives_EqualsJavaHashCode()
    {
        Assert.Equal(-7, KeyHash.OfObject((short)-7));
        Assert.Equal(-1, KeyHash.OfObject((byte)255)); // Java bytes are signed
        Assert.Equal(-128, KeyHash.OfObject((sbyte)-128));
        Assert.Equal('Z', KeyHash.OfObject('Z'));
        Assert.Equal(1231, KeyHash.OfObject(true));
        Assert.Equal(1237, KeyHash.OfObject(false));
        Assert.Equal(-42, KeyHash.OfObject(-42));
        Assert.Equal(-42, KeyHash.Of(-42));
    }

    [Fact]
    public void OfObject_WhenSameGuidTwice_ReturnsSameHash()
    {
        var guid = Guid.NewGuid();
        var copy = Guid.Parse(guid.ToString());
        Assert.Equal(KeyHash.OfObject(guid), KeyHash.OfObject(copy));
        Assert.Equal(KeyHash.OfObject(guid), KeyHash.Of(copy));
    }

    [Fact]
    public void OfObject_WhenGuid_HashesItsBigEndianBytesLikeJavaArraysHashCode()
    {
        // The RFC 4122 (big-endian) byte order of this Guid is 00 01 02 ... 0f.
        var guid = Guid.Parse("00010203-0405-0607-0809-0a0b0c0d0e0f");
        var expected = 1;
        for (var b = 0; b < 16; b++) expected = unchecked(31 * expected + b);

        Assert.Equal(expected, KeyHash.OfObject(guid));
        Assert.Equal(expected, KeyHash.OfBytes(Enumerable.Range(0, 16).Select(i => (byte)i).ToArray()));
    }

    [Fact]
    public void OfBytes_WhenBytesAboveSbyteRange_TreatsThemAsSigned()
    {
        // Java: Arrays.hashCode(new byte[] { (byte)0xff, 1 }) = 31 * (31 * 1 + -1) + 1 = 931.
        Assert.Equal(931, KeyHash.OfBytes([0xff, 0x01]));
        Assert.Equal(931, KeyHash.OfObject(new byte[] { 0xff, 0x01 }));
        Assert.Equal(1, KeyHash.OfBytes([]));
    }

    [Fact]
    public void OfObject_WhenValueTuple_HashesLikeJavaArraysHashCode()
    {
        var expected = 31 * (31 * 1 + 1) + "a".Sum(c => (int)c); // "a".hashCode() == 97
        Assert.Equal(1089, expected);

        Assert.Equal(expected, KeyHash.OfObject((1, "a")));
        Assert.Equal(expected, KeyHash.Of((1, "a")));
        Assert.Equal(KeyHash.OfObject((1, "a")), KeyHash.OfObject((1, "a")));
        Assert.NotEqual(KeyHash.OfObject((1, "a")), KeyHash.OfObject(("a", 1)));
    }

    [Fact]
    public void OfObject_WhenNestedOrLongValueTuple_HashesElementsStably()
    {
        // (1L<<32, (2, "x")) = 31 * (31 + Long.hashCode(1L<<32)) + (31 * (31 + 2) + 'x')
        var inner = 31 * (31 * 1 + 2) + 'x';
        var expected = 31 * (31 * 1 + 1) + inner;
        Assert.Equal(expected, KeyHash.OfObject((1L << 32, (2, "x"))));

        // Eight elements: ValueTuple's TRest is flattened by ITuple, as an array of eight would be hashed.
        var eight = (1, 2, 3, 4, 5, 6, 7, 8);
        var h = 1;
        for (var i = 1; i <= 8; i++) h = unchecked(31 * h + i);
        Assert.Equal(h, KeyHash.OfObject(eight));
    }

    [Fact]
    public void OfObject_WhenTupleElementIsNull_HashesItAsZero()
    {
        (int, string?) key = (1, null);
        Assert.Equal(31 * (31 * 1 + 1) + 0, KeyHash.OfObject(key));
    }

    [Fact]
    public void OfObject_WhenIStableKey_UsesItsStableHash()
    {
        Assert.Equal(123456, KeyHash.OfObject(new StableKey(123456)));
        Assert.Equal(KeyGroupAssignment.ComputeKeyGroupForKeyHash(123456, 128), KeyGroupAssignment.AssignToKeyGroup(new StableKey(123456), 128));
    }

    [Fact]
    public void OfObject_WhenUnsupportedKeyType_ThrowsNotSupportedNamingTheType()
    {
        var ex = Assert.Throws<NotSupportedException>(() => KeyHash.OfObject(new PlainKey()));
        Assert.Contains(typeof(PlainKey).FullName!, ex.Message);

        var generic = Assert.Throws<NotSupportedException>(() => KeyGroupAssignment.AssignToKeyGroup(new PlainKey(), 128));
        Assert.Contains(nameof(PlainKey), generic.Message);
    }

    [Fact]
    public void OfObject_WhenTupleHoldsUnsupportedType_ThrowsNotSupported()
    {
        var ex = Assert.Throws<NotSupportedException>(() => KeyHash.OfObject((1, new PlainKey())));
        Assert.Contains(nameof(PlainKey), ex.Message);
    }

    [Fact]
    public void OfObject_WhenNull_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => KeyHash.OfObject(null!));
    }

    [Theory]
    [InlineData(0, 593689054)]
    public void MurmurHash_WhenCode_IsNonNegativeAndDeterministic(int code, int expected)
    {
        Assert.Equal(expected, MurmurHash.Hash(code));
        var rng = new Random(7);
        for (var i = 0; i < 10000; i++)
        {
            var c = rng.Next(int.MinValue, int.MaxValue);
            var h = MurmurHash.Hash(c);
            Assert.True(h >= 0);
            Assert.Equal(h, MurmurHash.Hash(c));
        }
    }

    private sealed class PlainKey;

    private sealed record StableKey(int Value) : IStableKey
    {
        public int GetStableHashCode() => Value;
    }
}
