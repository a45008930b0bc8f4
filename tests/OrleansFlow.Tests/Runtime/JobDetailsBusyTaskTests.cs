using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>The job's details answer while one of its tasks is inside a long turn, with that task's last metrics.</summary>
public sealed class JobDetailsBusyTaskTests : TwoSiloClusterTest
{
    [Fact]
    public async Task GetDetails_WhenATaskIsInsideALongTurn_AnswersWithItsLastMetrics()
    {
        BlockingTurnJob.Entered.Reset();
        BlockingTurnJob.Release.Reset();
        var jobId = Guid.NewGuid().ToString("N");
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);
        var result = await manager.Submit(new JobSpec { JobName = BlockingTurnJob.Name, Parallelism = 1, MaxParallelism = 128, Args = new Dictionary<string, string> { ["blockAt"] = "3000" } });
        Assert.True(result.Accepted, result.Message);
        try
        {
            await JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Status == JobStatus.Running && d.Vertices.Single(v => v.Uid == "blocking").RecordsIn > 0);
            Assert.True(BlockingTurnJob.Entered.Wait(TimeSpan.FromSeconds(30)), "the blocking record never arrived");

            var details = await manager.GetDetails().WaitAsync(TimeSpan.FromSeconds(20)); // without the bound it waits for the turn to end

            Assert.NotNull(details);
            Assert.Equal(JobStatus.Running, details.Status);
            Assert.True(details.Vertices.Single(v => v.Uid == "blocking").RecordsIn > 0, "the busy task's last metrics are shown");
            Assert.False(BlockingTurnJob.Release.IsSet);
        }
        finally
        {
            BlockingTurnJob.Release.Set();
            await manager.Cancel();
        }
    }
}
