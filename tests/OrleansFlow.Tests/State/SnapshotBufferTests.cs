using OrleansFlow.State;

namespace OrleansFlow.Tests.State;

public sealed class SnapshotBufferTests
{
    [Fact]
    public void GetSpan_WhenMoreThanTheArrayIsNeeded_GrowsAndKeepsTheWrittenBytes()
    {
        using var buffer = new SnapshotBuffer();
        var expected = new List<byte>();
        for (var i = 0; i < 200; i++)
        {
            var span = buffer.GetSpan(1000);
            Assert.True(span.Length >= 1000);
            for (var j = 0; j < 1000; j++) span[j] = (byte)(i + j);
            buffer.Advance(1000);
            expected.AddRange(Enumerable.Range(0, 1000).Select(j => (byte)(i + j)));
        }

        Assert.Equal(200_000, buffer.WrittenCount);
        Assert.Equal(expected, buffer.WrittenMemory.ToArray());
    }

    [Fact]
    public void Reset_WhenWritten_StartsOverWithNothingWritten()
    {
        using var buffer = new SnapshotBuffer();
        buffer.GetSpan(10)[0] = 42;
        buffer.Advance(10);

        buffer.Reset();

        Assert.Equal(0, buffer.WrittenCount);
        Assert.True(buffer.WrittenMemory.IsEmpty);
    }

    [Fact]
    public void Advance_WhenPastTheEnd_Throws()
    {
        using var buffer = new SnapshotBuffer();
        var length = buffer.GetSpan(16).Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(length + 1));
    }

    [Fact]
    public void GetSpan_WhenDisposed_Throws()
    {
        var buffer = new SnapshotBuffer();
        buffer.Dispose();

        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan(1));
    }
}
