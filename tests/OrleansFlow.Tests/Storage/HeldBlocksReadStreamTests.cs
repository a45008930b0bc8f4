using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

public sealed class HeldBlocksReadStreamTests
{
    private static readonly (byte[] Array, int Length)[] Blocks =
    [
        ([1, 2, 3, 99], 3), // the last byte of a pooled array is not content
        ([], 0),
        ([4, 5], 2),
        ([6, 7, 8, 9, 10], 5),
    ];

    [Fact]
    public void Read_WhenBufferSpansBlocks_ReadsTheCountedBytesInOrder()
    {
        var stream = new HeldBlocksReadStream(Blocks);
        var buffer = new byte[4];
        var read = new List<byte>();
        int count;
        while ((count = stream.Read(buffer, 0, buffer.Length)) > 0) read.AddRange(buffer[..count]);

        Assert.Equal(10, stream.Length);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (byte)i), read);
    }

    [Fact]
    public async Task ReadAsync_WhenRewoundForARetry_ReadsEverythingAgain()
    {
        var stream = new HeldBlocksReadStream(Blocks);
        var first = new MemoryStream();
        await stream.CopyToAsync(first);

        stream.Seek(0, SeekOrigin.Begin);
        var second = new MemoryStream();
        await stream.CopyToAsync(second);

        Assert.Equal(first.ToArray(), second.ToArray());
        Assert.Equal(10, second.Length);
    }

    [Fact]
    public void Seek_WhenInsideALaterBlock_ReadsFromThere()
    {
        var stream = new HeldBlocksReadStream(Blocks);
        stream.Seek(-3, SeekOrigin.End);

        var buffer = new byte[10];
        Assert.Equal(3, stream.Read(buffer, 0, 10));
        Assert.Equal(new byte[] { 8, 9, 10 }, buffer[..3]);
        Assert.Equal(0, stream.Read(buffer, 0, 10));
    }
}
