using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>A lost silo is noticed through cluster membership, not only when records hit a fresh activation.</summary>
public sealed class SiloLossTests : TwoSiloClusterTest
{
    [Fact]
    public async Task SiloLost_WhenIdleJobLosesTasksWithASilo_JobManagerRestartsTheJob()
    {
        var leaving = Cluster.Silos[1];
        var leavingEndpoint = $"{leaving.SiloAddress.Endpoint}";
        string? jobId = null;
        for (var i = 0; i < 20 && jobId is null; i++) // the job manager must live on the silo that stays, else its own reactivation would restart the job
        {
            var id = Guid.NewGuid().ToString("N");
            var result = await Cluster.Client.GetGrain<IJobManagerGrain>(id).Submit(new JobSpec
            {
                JobName = IdleJob.Name, Parallelism = 2, MaxParallelism = 128,
                RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
            });
            Assert.True(result.Accepted, result.Message);
            var details = await JobWaits.WaitForAsync(Cluster.Client, id, d => d.Status == JobStatus.Running);
            if (details.ManagerHost!.Contains(leavingEndpoint, StringComparison.Ordinal)) await Cluster.Client.GetGrain<IJobManagerGrain>(id).Cancel();
            else jobId = id;
        }
        Assert.NotNull(jobId);
        var before = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).GetDetails();
        Assert.Contains(before!.Vertices.SelectMany(v => v.Subtasks), s => s.Host!.Contains(leavingEndpoint, StringComparison.Ordinal)); // tasks are spread

        await Cluster.StopSiloAsync(leaving);
        var restarted = await JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Attempt >= 2 && d.Status == JobStatus.Running, TimeSpan.FromSeconds(60));

        Assert.Contains("left the cluster", restarted.FailureCause, StringComparison.Ordinal);
        Assert.Contains(leavingEndpoint, restarted.FailureCause, StringComparison.Ordinal);
        Assert.DoesNotContain(restarted.Vertices.SelectMany(v => v.Subtasks), s => s.Host!.Contains(leavingEndpoint, StringComparison.Ordinal));
        await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Cancel();
    }
}
