using System.Text;
using System.Text.RegularExpressions;
using OrleansFlow.Checkpointing;

namespace OrleansFlow.Tests.Checkpointing.Metadata;

public sealed class StateFileChecksumTests
{
    [Fact]
    public void Compute_WhenCheckInput_ReturnsTheCrc64Ecma182CheckValue()
    {
        // The published check value of CRC-64/ECMA-182 for "123456789": the checksum must never change across versions.
        Assert.Equal("crc64:6c40df5f0b497347", StateFileChecksum.Compute("123456789"u8));
        Assert.Equal("crc64:0000000000000000", StateFileChecksum.Compute([]));
    }

    [Fact]
    public void Compute_WhenSameBytes_ReturnsSameString()
    {
        var bytes = RandomBytes(1000, seed: 1);

        Assert.Equal(StateFileChecksum.Compute(bytes), StateFileChecksum.Compute(bytes.ToArray()));
    }

    [Fact]
    public void Compute_WhenOneByteDiffers_ReturnsDifferentString()
    {
        var bytes = RandomBytes(1000, seed: 2);
        var other = bytes.ToArray();
        other[500] ^= 0x01;

        Assert.NotEqual(StateFileChecksum.Compute(bytes), StateFileChecksum.Compute(other));
    }

    [Fact]
    public void Compute_WhenAnyContent_IsCrc64PrefixAndSixteenLowerCaseHexDigits()
    {
        foreach (var content in new[] { [], Encoding.UTF8.GetBytes("state"), RandomBytes(4096, seed: 3) })
            Assert.Matches(new Regex("^crc64:[0-9a-f]{16}$"), StateFileChecksum.Compute(content));
    }

    [Fact]
    public async Task ComputeAsync_WhenStreamLongerThanItsBuffer_EqualsComputeOverTheSameBytes()
    {
        var bytes = RandomBytes(300_000, seed: 4);
        using var stream = new MemoryStream(bytes);

        Assert.Equal(StateFileChecksum.Compute(bytes), await StateFileChecksum.ComputeAsync(stream, CancellationToken.None));
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
