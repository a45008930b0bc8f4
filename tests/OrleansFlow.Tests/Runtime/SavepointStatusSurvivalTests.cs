using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>A savepoint operation's status lives in <c>job.json</c>, so it outlives the job manager's activation.</summary>
public sealed class SavepointStatusSurvivalTests : TwoSiloClusterTest
{
    [Fact]
    public async Task GetSavepoint_WhenJobManagersSiloLeftAfterTheSavepoint_StillReportsItCompletedWithItsLocation()
    {
        var leaving = Cluster.Silos[1];
        var leavingEndpoint = $"{leaving.SiloAddress.Endpoint}";
        var jobId = await SubmitIdleJobWithManagerAsync(host => host.Contains(leavingEndpoint, StringComparison.Ordinal)); // the one that leaves
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);
        var trigger = await manager.TriggerSavepoint(new SavepointRequest { Mode = SavepointMode.Savepoint });
        Assert.Equal(SavepointRefusal.None, trigger.Refusal);
        var completed = await SavepointSteps.TakeAsync(Cluster.Client, jobId, new SavepointRequest { Mode = SavepointMode.Savepoint });
        Assert.Equal(SavepointStatusKind.Completed, completed.Status);

        await Cluster.StopSiloAsync(leaving);
        var resumed = await JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Status == JobStatus.Running, TimeSpan.FromSeconds(60));

        Assert.DoesNotContain(leavingEndpoint, resumed.ManagerHost!, StringComparison.Ordinal); // a new activation answers
        var after = await manager.GetSavepoint(completed.TriggerId);
        Assert.NotNull(after);
        Assert.Equal(SavepointStatusKind.Completed, after.Status);
        Assert.Equal(completed.Location, after.Location);
        var first = await manager.GetSavepoint(trigger.TriggerId!);
        Assert.NotNull(first); // the first one too: completed, or failed with the reason when the silo left before it completed
        Assert.NotEqual(SavepointStatusKind.InProgress, first.Status);
        await manager.Cancel();
    }
}
