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
        // The job manager must live on the silo that stays, else its own reactivation would restart the job.
        var jobId = await SubmitIdleJobWithManagerAsync(host => !host.Contains(leavingEndpoint, StringComparison.Ordinal));
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
