using Orleans.TestingHost;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>keyed-sum and a two-stage job in a two-silo in-process cluster produce exactly the arithmetic result.</summary>
public sealed class KeyedSumClusterTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(silos: 2);

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task KeyedSum_WhenBoundedInTwoSilos_OutputIsExactlyArithmetic(int parallelism)
    {
        const long events = 1_000_000, keys = 10_000;
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await _cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum",
            Parallelism = parallelism,
            MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["output"] = output },
        });
        Assert.True(result.Accepted, result.Message);

        var details = await JobWaits.WaitForTerminalAsync(_cluster.Client, jobId);

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Assert.Equal(events, details.Vertices.Single(v => v.Uid == "source").RecordsOut);
        Assert.Equal(events, details.Vertices.Single(v => v.Uid == "sum").RecordsIn);
        Assert.Empty(Directory.GetFiles(output, ".*"));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task TwoStageJob_WhenTwoKeyedStagesAndRebalance_OutputIsExact()
    {
        const long events = 300_000, keys = 1000;
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await _cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = TwoStageJob.Name,
            Parallelism = 3,
            MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["output"] = output },
        });
        Assert.True(result.Accepted, result.Message);

        var details = await JobWaits.WaitForTerminalAsync(_cluster.Client, jobId);

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(["source", "count", "coarsen", "sum"], details.Vertices.Select(v => v.Uid));
        var expected = new Dictionary<long, long>();
        for (long i = 0; i < events; i++) expected[i % keys / 10] = expected.GetValueOrDefault(i % keys / 10) + i;
        Assert.Equal(expected, OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Directory.Delete(output, recursive: true);
    }
}
