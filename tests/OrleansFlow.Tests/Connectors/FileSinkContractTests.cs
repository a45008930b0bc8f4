using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Connectors;

/// <summary>
/// The exactly-once file sink's two-phase commit on one target (a local folder, a blob container): pre-committed
/// output stays invisible, a commit publishes exactly the lines, commits are idempotent, lost data is never reported
/// committed, and a restart discards leftovers of older attempts.
/// </summary>
public abstract class FileSinkContractTests
{
    protected const string JobId = "0123456789abcdef0123456789abcdef";

    /// <summary>A sink on a fresh, empty target.</summary>
    protected abstract FileSink<string> CreateSink();

    /// <summary>The visible part names of the target, ordinal order.</summary>
    protected abstract Task<IReadOnlyList<string>> VisiblePartsAsync();

    /// <summary>The lines of the visible parts.</summary>
    protected abstract Task<IReadOnlyList<string>> VisibleLinesAsync();

    /// <summary>
    /// Makes the pre-committed data of the part named <paramref name="partName"/> lost (as a lost disk or expired
    /// uncommitted blocks would); returns the payload to commit then.
    /// </summary>
    protected abstract Task<string> LosePreCommittedDataAsync(string partName, string payload);

    private static SinkWriterContext Context(int subtask = 0, int attempt = 1) => new(JobId, "sink", subtask, 2, attempt);

    private static ITwoPhaseCommitSinkWriter<string> Writer(FileSink<string> sink, int subtask = 0, int attempt = 1) =>
        (ITwoPhaseCommitSinkWriter<string>)sink.CreateWriter(Context(subtask, attempt));

    [Fact]
    public async Task PrepareCommit_WhenRecordsWritten_OutputStaysInvisible()
    {
        var sink = CreateSink();
        using var writer = Writer(sink);
        writer.Collect("a");
        writer.Collect("b");

        var payload = await writer.PrepareCommitAsync(1);

        Assert.NotNull(payload);
        Assert.Empty(await VisiblePartsAsync());
    }

    [Fact]
    public async Task CommitAsync_WhenPreCommitted_PublishesExactlyTheLines()
    {
        var sink = CreateSink();
        using var writer = Writer(sink, subtask: 1);
        foreach (var line in new[] { "a,1", "é,2", "c,3" }) writer.Collect(line);
        var payload = await writer.PrepareCommitAsync(1);

        await sink.CreateCommitter(JobId, "sink").CommitAsync([payload!]);

        Assert.Equal([$"part-{JobId}-1-1-0"], await VisiblePartsAsync());
        Assert.Equal(["a,1", "é,2", "c,3"], await VisibleLinesAsync());
    }

    [Fact]
    public async Task CommitAsync_WhenCalledTwice_IsIdempotent()
    {
        var sink = CreateSink();
        using var writer = Writer(sink);
        writer.Collect("x");
        var payload = await writer.PrepareCommitAsync(1);
        var committer = sink.CreateCommitter(JobId, "sink");

        await committer.CommitAsync([payload!]);
        await committer.CommitAsync([payload!]);

        Assert.Equal(["x"], await VisibleLinesAsync());
    }

    [Fact]
    public async Task PrepareCommitAsync_WhenNothingWrittenSinceLastBarrier_ReturnsNullAndWritesNothing()
    {
        var sink = CreateSink();
        using var writer = Writer(sink);
        writer.Collect("x");
        Assert.NotNull(await writer.PrepareCommitAsync(1));

        Assert.Null(await writer.PrepareCommitAsync(2));
    }

    [Fact]
    public async Task Collect_AfterPrepareCommit_GoesIntoTheNextTransaction()
    {
        var sink = CreateSink();
        using var writer = Writer(sink);
        writer.Collect("first");
        var first = await writer.PrepareCommitAsync(1);
        writer.Collect("second");
        writer.Collect("third");
        var second = await writer.PrepareCommitAsync(2);
        var committer = sink.CreateCommitter(JobId, "sink");

        await committer.CommitAsync([first!]);
        Assert.Equal(["first"], await VisibleLinesAsync());
        await committer.CommitAsync([second!]);

        Assert.Equal([$"part-{JobId}-0-1-0", $"part-{JobId}-0-1-1"], await VisiblePartsAsync());
        Assert.Equal(["first", "second", "third"], (await VisibleLinesAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CommitAsync_WhenManyLines_AllArePublishedInOrder()
    {
        var sink = CreateSink();
        using var writer = Writer(sink);
        var lines = Enumerable.Range(0, 300_000).Select(i => $"line-{i}").ToList(); // several blocks and chunks
        foreach (var line in lines) writer.Collect(line);
        var payload = await writer.PrepareCommitAsync(1);

        await sink.CreateCommitter(JobId, "sink").CommitAsync([payload!]);

        Assert.Equal(lines, await VisibleLinesAsync());
    }

    [Fact]
    public async Task CommitAsync_WhenPreCommittedDataIsLost_ThrowsAndPublishesNothing()
    {
        var sink = CreateSink();
        using var writer = Writer(sink);
        writer.Collect("x");
        var payload = await writer.PrepareCommitAsync(1);
        var lost = await LosePreCommittedDataAsync($"part-{JobId}-0-1-0", payload!);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => sink.CreateCommitter(JobId, "sink").CommitAsync([lost]));

        Assert.Contains("lost", error.Message, StringComparison.Ordinal);
        Assert.Empty(await VisiblePartsAsync());
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("not-a-part")]
    [InlineData("")]
    public async Task CommitAsync_WhenPayloadIsNotAPart_ThrowsInvalidData(string payload)
    {
        var sink = CreateSink();

        await Assert.ThrowsAsync<InvalidDataException>(() => sink.CreateCommitter(JobId, "sink").CommitAsync([payload]));
    }

    [Fact]
    public async Task DiscardUncommittedAsync_WhenOlderAttemptLeftPreCommittedParts_TheyAreNeverPublished()
    {
        var sink = CreateSink();
        using (var old = Writer(sink, subtask: 0, attempt: 1))
        {
            old.Collect("from attempt 1");
            await old.PrepareCommitAsync(1); // pre-committed, but checkpoint 1 never completed
        }
        var committer = sink.CreateCommitter(JobId, "sink");

        await committer.DiscardUncommittedAsync(new SinkDiscardScope(JobId, "sink", 0, 2, Attempt: 2));
        using var current = Writer(sink, subtask: 0, attempt: 2);
        current.Collect("from attempt 2");
        await committer.CommitAsync([(await current.PrepareCommitAsync(1))!]);

        Assert.Equal(["from attempt 2"], await VisibleLinesAsync());
    }

    [Fact]
    public async Task Dispose_WhenTransactionOpen_PublishesNothing()
    {
        var sink = CreateSink();
        var writer = Writer(sink);
        writer.Collect("x");

        writer.Dispose();

        Assert.Empty(await VisiblePartsAsync());
    }
}
