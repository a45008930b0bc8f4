using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>keyed-sum and a two-stage job in a two-silo in-process cluster produce exactly the arithmetic result.</summary>
public sealed class KeyedSumClusterTests : TwoSiloClusterTest
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public async Task KeyedSum_WhenBoundedInTwoSilos_OutputIsExactlyArithmetic(int parallelism)
    {
        const long events = 1_000_000, keys = 10_000;
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum",
            Parallelism = parallelism,
            MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["output"] = output },
        });
        Assert.True(result.Accepted, result.Message);

        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId);

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Assert.Equal(events, details.Vertices.Single(v => v.Uid == "source").RecordsOut);
        Assert.Equal(events, details.Vertices.Single(v => v.Uid == "sum").RecordsIn);
        Assert.Empty(Directory.GetFiles(output, ".*"));
        var sum = details.Vertices.Single(v => v.Uid == "sum");
        Assert.Equal(Enumerable.Range(0, parallelism), sum.Subtasks.Select(s => s.Subtask));
        Assert.Equal(Math.Min(parallelism, 2), sum.Subtasks.Select(s => s.Host).Distinct().Count()); // spread over both silos
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task TwoStageJob_WhenTwoKeyedStagesAndRebalance_OutputIsExact()
    {
        const long events = 300_000, keys = 1000;
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = TwoStageJob.Name,
            Parallelism = 3,
            MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["output"] = output },
        });
        Assert.True(result.Accepted, result.Message);

        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId);

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(["source", "count", "coarsen", "sum"], details.Vertices.Select(v => v.Uid));
        var expected = new Dictionary<long, long>();
        for (long i = 0; i < events; i++) expected[i % keys / 10] = expected.GetValueOrDefault(i % keys / 10) + i;
        Assert.Equal(expected, OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task OperatorsJob_WhenMapFilterFlatMapReduceSumBroadcast_EachOutputIsExact()
    {
        const long events = 20_000;
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = OperatorsJob.Name,
            Parallelism = 3,
            MaxParallelism = 64,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["output"] = output },
        });
        Assert.True(result.Accepted, result.Message);

        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId);

        Assert.Equal(JobStatus.Finished, details.Status);
        var expanded = OperatorsJob.Expanded(events).ToList();

        // reduce and sum emit a running total per record; totals only grow, so each key's largest line is its total.
        var reduce = OutputFiles.ReadResult(Path.Combine(output, "reduce")).Select(l => l.Split(',').Select(long.Parse).ToArray()).ToList();
        Assert.Equal(expanded.Count, reduce.Count);
        Assert.Equal(expanded.GroupBy(x => x % 7).ToDictionary(g => g.Key, g => g.Sum()), reduce.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Max(r => r[1])));

        var sum = OutputFiles.ReadResult(Path.Combine(output, "sum")).Select(l => l.Split(',').Select(long.Parse).ToArray()).ToList();
        Assert.Equal(expanded.Count, sum.Count);
        Assert.Equal(expanded.GroupBy(x => x % 5).ToDictionary(g => g.Key, g => g.Sum()), sum.GroupBy(r => r[0]).ToDictionary(g => g.Key, g => g.Max(r => r[1])));

        var broadcast = OutputFiles.ReadResult(Path.Combine(output, "broadcast")).Select(long.Parse).ToList();
        Assert.Equal(Enumerable.Range(0, (int)events).SelectMany(i => new[] { (long)i, i }).Order(), broadcast.Order());
        Directory.Delete(output, recursive: true);
    }
}
