using System.Text;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>The contract of <see cref="ICheckpointStorage"/>, run against every implementation.</summary>
public abstract class CheckpointStorageContractTests
{
    /// <summary>A fresh, empty storage for one test.</summary>
    protected abstract ICheckpointStorage CreateStorage();

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public async Task WriteAsync_WhenObjectIsNew_ReadsBackTheSameBytes()
    {
        var storage = CreateStorage();
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();

        await storage.WriteAsync("jobs/a/chk-1/sum-0", content);

        Assert.Equal(content, await storage.ReadAllAsync("jobs/a/chk-1/sum-0"));
        Assert.Equal(content.Length, await storage.GetLengthAsync("jobs/a/chk-1/sum-0"));
    }

    [Fact]
    public async Task WriteAsync_WhenObjectExists_ReplacesItWhole()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("jobs/a/job.json", Bytes("a much longer first version"));

        await storage.WriteAsync("jobs/a/job.json", Bytes("second"));

        Assert.Equal("second", Encoding.UTF8.GetString((await storage.ReadAllAsync("jobs/a/job.json"))!));
    }

    [Fact]
    public async Task WriteAsync_WhenContentStreamFails_LeavesNoObjectAndKeepsThePreviousOne()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("jobs/a/chk-1/_metadata", Bytes("complete"));

        // Implementations may wrap the source's error (the Azure SDK reports its retries as an AggregateException).
        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync("jobs/a/chk-1/_metadata", new FailingStream(Bytes("partial"))));
        await Assert.ThrowsAnyAsync<Exception>(() => storage.WriteAsync("jobs/a/chk-2/_metadata", new FailingStream(Bytes("partial"))));

        Assert.Equal("complete", Encoding.UTF8.GetString((await storage.ReadAllAsync("jobs/a/chk-1/_metadata"))!));
        Assert.Null(await storage.ReadAllAsync("jobs/a/chk-2/_metadata"));
        Assert.Equal(["jobs/a/chk-1/_metadata"], await storage.ListAsync("jobs/a"));
    }

    [Fact]
    public async Task WriteAsync_WhenProducerWritesInPieces_ReadsBackEveryPieceInOrder()
    {
        var storage = CreateStorage();
        var pieces = Enumerable.Range(0, 40).Select(i => Enumerable.Range(0, 100_000 + i).Select(j => (byte)(i * 31 + j)).ToArray()).ToList();

        await storage.WriteAsync("jobs/a/chk-1/sum-0", async (stream, token) =>
        {
            Assert.False(stream.CanSeek);
            for (var i = 0; i < pieces.Count; i++)
            {
                if (i % 2 == 0) await stream.WriteAsync(pieces[i], token);
                else stream.Write(pieces[i]);
            }
        });

        Assert.Equal(pieces.SelectMany(p => p).ToArray(), await storage.ReadAllAsync("jobs/a/chk-1/sum-0"));
    }

    [Fact]
    public async Task WriteAsync_WhenProducerReplacesAnObject_ReadsTheNewContentOnly()
    {
        var storage = CreateStorage();
        var large = Enumerable.Range(0, 500_000).Select(i => (byte)i).ToArray();
        await storage.WriteAsync("jobs/a/chk-1/sum-0", (stream, token) => stream.WriteAsync(large, token).AsTask());

        await storage.WriteAsync("jobs/a/chk-1/sum-0", (stream, token) => stream.WriteAsync(Bytes("short"), token).AsTask());
        Assert.Equal("short", Encoding.UTF8.GetString((await storage.ReadAllAsync("jobs/a/chk-1/sum-0"))!));

        await storage.WriteAsync("jobs/a/chk-1/sum-0", (stream, token) => stream.WriteAsync(large, token).AsTask());
        Assert.Equal(large, await storage.ReadAllAsync("jobs/a/chk-1/sum-0"));
    }

    [Fact]
    public async Task WriteAsync_WhenProducerFails_ThrowsItsErrorLeavesNoObjectAndKeepsThePreviousOne()
    {
        var storage = CreateStorage();
        await storage.WriteAsync("jobs/a/chk-1/sum-0", Bytes("complete"));

        async Task FailAfterAPiece(Stream stream, CancellationToken token)
        {
            await stream.WriteAsync(new byte[3_000_000], token);
            throw new InvalidOperationException("the serializer broke");
        }

        var replacing = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync("jobs/a/chk-1/sum-0", FailAfterAPiece));
        var creating = await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync("jobs/a/chk-2/sum-0", FailAfterAPiece));

        Assert.Equal("the serializer broke", replacing.Message);
        Assert.Equal("the serializer broke", creating.Message);
        Assert.Equal("complete", Encoding.UTF8.GetString((await storage.ReadAllAsync("jobs/a/chk-1/sum-0"))!));
        Assert.Equal(["jobs/a/chk-1/sum-0"], await storage.ListAsync("jobs/a"));
    }

    [Fact]
    public async Task WriteAsync_WhenProducerPathInvalid_ThrowsAndWritesNothing()
    {
        var storage = CreateStorage();

        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync("jobs/../x", (stream, token) => stream.WriteAsync(Bytes("x"), token).AsTask()));

        Assert.Empty(await storage.ListAsync(""));
    }

    [Fact]
    public async Task ReadAllAsync_WhenObjectMissing_ReturnsNull()
    {
        var storage = CreateStorage();

        Assert.Null(await storage.ReadAllAsync("jobs/none/job.json"));
        Assert.Null(await storage.OpenReadAsync("jobs/none/job.json"));
        Assert.Null(await storage.GetLengthAsync("jobs/none/job.json"));
        Assert.False(await storage.DeleteAsync("jobs/none/job.json"));
    }

    [Fact]
    public async Task OpenReadAsync_WhenSeeking_ReadsTheRequestedRange()
    {
        var storage = CreateStorage();
        var content = Enumerable.Range(0, 1 << 20).Select(i => (byte)(i % 251)).ToArray();
        await storage.WriteAsync("savepoints/s1/sum-0", content);

        await using var stream = (await storage.OpenReadAsync("savepoints/s1/sum-0"))!;
        Assert.True(stream.CanSeek);
        Assert.Equal(content.Length, stream.Length);
        stream.Seek(700_000, SeekOrigin.Begin);
        var buffer = new byte[1000];
        await stream.ReadExactlyAsync(buffer);

        Assert.Equal(content.AsSpan(700_000, 1000).ToArray(), buffer);
    }

    [Fact]
    public async Task ListAsync_WhenObjectsUnderSeveralFolders_ListsOnlyThePrefixInOrdinalOrder()
    {
        var storage = CreateStorage();
        foreach (var path in new[] { "jobs/j1/chk-2/sum-0", "jobs/j1/chk-10/_metadata", "jobs/j1/job.json", "jobs/j10/job.json", "savepoints/x/_metadata" })
            await storage.WriteAsync(path, Bytes(path));

        Assert.Equal(["jobs/j1/chk-10/_metadata", "jobs/j1/chk-2/sum-0", "jobs/j1/job.json"], await storage.ListAsync("jobs/j1"));
        Assert.Equal(["jobs/j1/chk-2/sum-0"], await storage.ListAsync("jobs/j1/chk-2/"));
        Assert.Equal(5, (await storage.ListAsync("")).Count);
        Assert.Empty(await storage.ListAsync("jobs/j2"));
    }

    [Fact]
    public async Task DeletePrefixAsync_WhenCheckpointFolderHasFiles_DeletesExactlyThem()
    {
        var storage = CreateStorage();
        foreach (var path in new[] { "jobs/j/chk-1/a-0", "jobs/j/chk-1/a-1", "jobs/j/chk-1/_metadata", "jobs/j/chk-11/a-0" })
            await storage.WriteAsync(path, Bytes(path));

        Assert.Equal(3, await storage.DeletePrefixAsync("jobs/j/chk-1"));

        Assert.Equal(["jobs/j/chk-11/a-0"], await storage.ListAsync("jobs/j"));
        Assert.True(await storage.DeleteAsync("jobs/j/chk-11/a-0"));
        Assert.Empty(await storage.ListAsync(""));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/jobs/a")]
    [InlineData("jobs/../etc/passwd")]
    [InlineData("jobs//a")]
    [InlineData("jobs\\a")]
    [InlineData("jobs/.staging/x")]
    public async Task WriteAsync_WhenPathInvalid_ThrowsAndWritesNothing(string path)
    {
        var storage = CreateStorage();

        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(path, Bytes("x")));

        Assert.Empty(await storage.ListAsync(""));
    }

    private sealed class FailingStream(byte[] head) : MemoryStream(head)
    {
        public override int Read(byte[] buffer, int offset, int count) => Position < Length ? base.Read(buffer, offset, count) : throw new IOException("source failed");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("source failed");

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Position < Length ? base.ReadAsync(buffer, offset, count, cancellationToken) : throw new IOException("source failed");
    }
}
