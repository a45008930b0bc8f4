using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>The built-in window-sum job is exact for each window kind at any parallelism: its output equals the reference model's.</summary>
public sealed class WindowSumClusterTests : TwoSiloClusterTest
{
    private const long Events = 20_000, Keys = 10;

    private async Task<List<string>> RunAsync(int parallelism, Dictionary<string, string> args)
    {
        var output = OutputFiles.NewDirectory();
        args["events"] = $"{Events}";
        args["keys"] = $"{Keys}";
        args["output"] = output;
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "window-sum", Parallelism = parallelism, MaxParallelism = 128, Args = args,
            Checkpointing = new CheckpointingSettings { IntervalMs = 200 },
        });
        Assert.True(result.Accepted, result.Message);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));
        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        var lines = OutputFiles.ReadResult(output).Order(StringComparer.Ordinal).ToList();
        Directory.Delete(output, recursive: true);
        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task WindowSum_WhenTumbling_EqualsTheReferenceAtAnyParallelism(int parallelism)
    {
        var lines = await RunAsync(parallelism, new() { ["windowMs"] = "1000", ["disorderMs"] = "100" });

        Assert.Equal(WindowSumExpected.Tumbling(Events, Keys, 1000, 100), lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task WindowSum_WhenSliding_EqualsTheReferenceAtAnyParallelism(int parallelism)
    {
        var lines = await RunAsync(parallelism, new() { ["windowMs"] = "1000", ["slideMs"] = "250", ["disorderMs"] = "100" });

        Assert.Equal(WindowSumExpected.Sliding(Events, Keys, 1000, 250, 100), lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task WindowSum_WhenTheSizeIsNoMultipleOfTheSlide_EqualsTheReference(int parallelism)
    {
        var lines = await RunAsync(parallelism, new() { ["windowMs"] = "1000", ["slideMs"] = "300", ["disorderMs"] = "100", ["jumpEvery"] = "3000", ["jumpMs"] = "2500" });

        Assert.Equal(WindowSumExpected.Sliding(Events, Keys, 1000, 300, 100, 3000, 2500), lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task WindowSum_WhenSessions_EqualsTheReferenceAtAnyParallelism(int parallelism)
    {
        var lines = await RunAsync(parallelism, new() { ["gapMs"] = "200", ["disorderMs"] = "100", ["jumpEvery"] = "1000", ["jumpMs"] = "500" });

        var expected = WindowSumExpected.Sessions(Events, Keys, 200, 100, 1000, 500);
        Assert.True(expected.Count > Keys * 10, $"the jumps should cut each key's events into many sessions, got {expected.Count}");
        Assert.Equal(expected, lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Union_WhenOneOfThreeEventTimeSourcesLags_WindowsSeeEveryEventOfEach(int parallelism)
    {
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = UnionJob.Name, Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = "30000", ["keys"] = "10", ["slowRate"] = "20000", ["output"] = output },
        });
        Assert.True(result.Accepted, result.Message);

        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(parallelism, finished.Vertices.Single(v => v.Uid == "window").Subtasks.Count);
        Assert.Equal(0, finished.Vertices.Sum(v => v.LateRecordsDropped));
        Assert.Equal(WindowSumExpected.Tumbling(30_000, 10, UnionJob.WindowMs, UnionJob.DisorderMs), OutputFiles.ReadResult(output).Order(StringComparer.Ordinal));
        Directory.Delete(output, recursive: true);
    }
}
