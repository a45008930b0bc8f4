using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Connectors;

/// <summary>The file sink's two-phase commit in a local folder.</summary>
public sealed class LocalFileSinkTests : FileSinkContractTests, IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansflow-sink-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    protected override FileSink<string> CreateSink() => new(_directory, s => s);

    protected override Task<IReadOnlyList<string>> VisiblePartsAsync() => Task.FromResult<IReadOnlyList<string>>(
        Directory.Exists(_directory)
            ? Directory.GetFiles(_directory).Select(p => Path.GetFileName(p)).Where(n => n.StartsWith("part-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : []);

    protected override async Task<IReadOnlyList<string>> VisibleLinesAsync() =>
        (await VisiblePartsAsync()).SelectMany(n => File.ReadAllLines(Path.Combine(_directory, n))).ToList();

    protected override Task<string> LosePreCommittedDataAsync(string partName, string payload)
    {
        File.Delete(Path.Combine(_directory, $".{partName}.inprogress"));
        return Task.FromResult(payload);
    }

    [Fact]
    public async Task DiscardUncommittedAsync_WhenLeftoversOfOtherSubtasksJobsOrTheCurrentAttempt_KeepsThem()
    {
        var sink = CreateSink();
        var kept = new List<ITwoPhaseCommitSinkWriter<string>>
        {
            (ITwoPhaseCommitSinkWriter<string>)sink.CreateWriter(new SinkWriterContext(JobId, "sink", 1, 2, 1)), // old subtask 1: 1 % 2 != 0
            (ITwoPhaseCommitSinkWriter<string>)sink.CreateWriter(new SinkWriterContext(JobId, "sink", 0, 2, 2)), // the current attempt
            (ITwoPhaseCommitSinkWriter<string>)sink.CreateWriter(new SinkWriterContext("other-job", "sink", 0, 2, 1)), // another job
        };
        var discarded = (ITwoPhaseCommitSinkWriter<string>)sink.CreateWriter(new SinkWriterContext(JobId, "sink", 2, 3, 1)); // old subtask 2 of p=3: 2 % 2 == 0
        foreach (var w in kept.Append(discarded))
        {
            w.Collect("x");
            await w.PrepareCommitAsync(1);
        }

        await sink.CreateCommitter(JobId, "sink").DiscardUncommittedAsync(new SinkDiscardScope(JobId, "sink", 0, 2, Attempt: 2));

        var hidden = Directory.GetFiles(_directory).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { ".part-other-job-0-1-0.inprogress", $".part-{JobId}-0-2-0.inprogress", $".part-{JobId}-1-1-0.inprogress" }.Order(StringComparer.Ordinal),
            hidden);
    }

    [Fact]
    public async Task CommitAsync_WhenProcessCrashedAfterPreCommit_ANewCommitterPublishesThePart()
    {
        string payload;
        {
            var writer = (ITwoPhaseCommitSinkWriter<string>)CreateSink().CreateWriter(new SinkWriterContext(JobId, "sink", 0, 1, 1));
            writer.Collect("survives");
            payload = (await writer.PrepareCommitAsync(7))!; // the writer is never disposed: as after a crash
        }

        await CreateSink().CreateCommitter(JobId, "sink").CommitAsync([payload]);

        Assert.Equal(["survives"], await VisibleLinesAsync());
    }
}
