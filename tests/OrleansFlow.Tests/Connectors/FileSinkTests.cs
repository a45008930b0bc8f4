using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Connectors;

public sealed class FileSinkTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "orleansflow-filesink-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static SinkWriterContext Context(int subtask = 0, int attempt = 1, string jobId = "job-1234567890") =>
        new(jobId, "sink-3", subtask, 2, attempt);

    private string[] FileNames() => !Directory.Exists(_directory) ? [] : Directory.GetFiles(_directory).Select(Path.GetFileName).Select(n => n!).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Collect_WhenWriting_WritesOnlyAHiddenInProgressFile()
    {
        var sink = new FileSink<int>(_directory, i => i.ToString());
        using var writer = sink.CreateWriter(Context());
        writer.Collect(1);
        writer.Collect(2);

        var names = FileNames();
        var name = Assert.Single(names);
        Assert.StartsWith(".", name);
        Assert.Contains("inprogress", name);
        Assert.DoesNotContain(names, n => n.StartsWith("part-", StringComparison.Ordinal));
    }

    [Fact]
    public void EndOfInput_WhenRecordsWritten_PublishesPartFileWithExactlyTheLines()
    {
        var sink = new FileSink<(string Word, int Count)>(_directory, r => $"{r.Word},{r.Count}");
        using (var writer = sink.CreateWriter(Context(subtask: 1)))
        {
            writer.Collect(("a", 1));
            writer.Collect(("é", 2));
            writer.Collect(("c", 3));
            writer.EndOfInput();
        }

        var name = Assert.Single(FileNames());
        Assert.StartsWith("part-", name);
        Assert.Equal(["a,1", "é,2", "c,3"], File.ReadAllLines(Path.Combine(_directory, name)));
        Assert.Equal("a,1\né,2\nc,3\n", File.ReadAllText(Path.Combine(_directory, name)));
    }

    [Fact]
    public void EndOfInput_WhenManyRecords_AllLinesAreFlushed()
    {
        var sink = new FileSink<int>(_directory, i => $"line-{i}");
        using (var writer = sink.CreateWriter(Context()))
        {
            for (var i = 0; i < 20_000; i++) writer.Collect(i);
            writer.EndOfInput();
        }

        var name = Assert.Single(FileNames());
        Assert.Equal(Enumerable.Range(0, 20_000).Select(i => $"line-{i}"), File.ReadAllLines(Path.Combine(_directory, name)));
    }

    [Fact]
    public void Dispose_WhenEndOfInputNeverCalled_LeavesNoFile()
    {
        var sink = new FileSink<int>(_directory, i => i.ToString());
        var writer = sink.CreateWriter(Context());
        writer.Collect(1);
        writer.Collect(2);
        writer.Dispose();

        Assert.Empty(FileNames());
    }

    [Fact]
    public void Dispose_WhenNothingWrittenAndNoEndOfInput_LeavesNoFile()
    {
        var sink = new FileSink<int>(_directory, i => i.ToString());
        sink.CreateWriter(Context()).Dispose();

        Assert.Empty(FileNames());
    }

    [Fact]
    public void Dispose_WhenAfterEndOfInput_KeepsThePartFile()
    {
        var sink = new FileSink<int>(_directory, i => i.ToString());
        var writer = sink.CreateWriter(Context());
        writer.Collect(42);
        writer.EndOfInput();
        writer.EndOfInput(); // idempotent
        writer.Dispose();

        var name = Assert.Single(FileNames());
        Assert.Equal(["42"], File.ReadAllLines(Path.Combine(_directory, name)));
    }

    [Fact]
    public void EndOfInput_WhenSeveralSubtasks_EachPublishesItsOwnPartFile()
    {
        var sink = new FileSink<int>(_directory, i => i.ToString());
        var writers = Enumerable.Range(0, 3).Select(s => sink.CreateWriter(Context(subtask: s))).ToArray();
        for (var s = 0; s < 3; s++) writers[s].Collect(s * 10);
        foreach (var w in writers) { w.EndOfInput(); w.Dispose(); }

        var names = FileNames();
        Assert.Equal(3, names.Length);
        Assert.All(names, n => Assert.StartsWith("part-", n));
        var lines = names.SelectMany(n => File.ReadAllLines(Path.Combine(_directory, n))).Order().ToArray();
        Assert.Equal(["0", "10", "20"], lines);
    }

    [Fact]
    public void EndOfInput_WhenPreviousAttemptFailed_NewAttemptPublishesOnlyItsOwnLines()
    {
        var sink = new FileSink<int>(_directory, i => i.ToString());
        var failed = sink.CreateWriter(Context(attempt: 1));
        failed.Collect(1);
        failed.Collect(2);
        failed.Dispose();

        using (var retry = sink.CreateWriter(Context(attempt: 2)))
        {
            retry.Collect(3);
            retry.EndOfInput();
        }

        var name = Assert.Single(FileNames());
        Assert.Equal(["3"], File.ReadAllLines(Path.Combine(_directory, name)));
    }

    [Fact]
    public void Collect_WhenDirectoryMissing_CreatesIt()
    {
        Assert.False(Directory.Exists(_directory));
        var sink = new FileSink<int>(_directory, i => i.ToString());
        using var writer = sink.CreateWriter(Context());
        writer.Collect(1);
        Assert.True(Directory.Exists(_directory));
    }

    [Fact]
    public void EndOfInput_WhenNoRecords_PublishesNoPart()
    {
        var sink = new FileSink<int>(_directory, i => i.ToString());
        using (var writer = sink.CreateWriter(Context())) writer.EndOfInput();

        Assert.Empty(FileNames());
    }
}
