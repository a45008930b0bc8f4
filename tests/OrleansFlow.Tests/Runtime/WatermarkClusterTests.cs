using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Watermarks travel in-band from a source's per-split generators through the channels to a keyed vertex.</summary>
public sealed class WatermarkClusterTests
{
    private static Task<Orleans.TestingHost.InProcessTestCluster> StartAsync() =>
        TestClusters.StartAsync(silos: 1, configure: o => o.AutoWatermarkInterval = TimeSpan.FromMilliseconds(20));

    private static async Task<string> SubmitAsync(Orleans.TestingHost.InProcessTestCluster cluster, long events, long rate)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = EventTimeProbeJob.Name, Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["rate"] = $"{rate}" },
        });
        Assert.True(result.Accepted, result.Message);
        return jobId;
    }

    [Fact]
    public async Task InputWatermark_WhenTheSourceRuns_AdvancesDownstreamBehindTheEventsAndNeverGoesBack()
    {
        var cluster = await StartAsync();
        try
        {
            var jobId = await SubmitAsync(cluster, events: 0, rate: 20_000);

            var first = await JobWaits.WaitForAsync(cluster.Client, jobId, d => Sum(d).InputWatermark > 1_000);
            var later = await JobWaits.WaitForAsync(cluster.Client, jobId, d => Sum(d).InputWatermark > Sum(first).InputWatermark);

            var sum = Sum(later);
            var source = later.Vertices.Single(v => v.Uid == "source");
            Assert.All(sum.Subtasks, s => Assert.True(s.InputWatermark > long.MinValue, $"subtask {s.Subtask} has no watermark"));
            Assert.Equal(sum.Subtasks.Min(s => s.InputWatermark), sum.InputWatermark);
            Assert.True(sum.InputWatermark <= source.InputWatermark, $"downstream {sum.InputWatermark} ahead of the sources' {source.InputWatermark}");
            Assert.True(sum.InputWatermark < sum.RecordsIn + 10_000, $"watermark {sum.InputWatermark} ahead of the {sum.RecordsIn} events (event time = index)");
            await cluster.Client.GetGrain<IJobManagerGrain>(jobId).Cancel();
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task InputWatermark_WhenTheBoundedInputEnded_IsTheMaximumEverywhere()
    {
        var cluster = await StartAsync();
        try
        {
            var jobId = await SubmitAsync(cluster, events: 10_000, rate: 0);

            var finished = await JobWaits.WaitForTerminalAsync(cluster.Client, jobId);

            Assert.Equal(JobStatus.Finished, finished.Status);
            Assert.All(finished.Vertices, v => Assert.Equal(long.MaxValue, v.InputWatermark));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static VertexDetails Sum(JobDetails details) => details.Vertices.Single(v => v.Uid == "sum");
}
