using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Deployments are one-way and reported back: a restore that takes long holds no grain call, so the job manager
/// answers meanwhile and the deployment completes whenever the restore does; one that never reports fails the attempt
/// after <c>OrleansFlow:DeploymentTimeout</c>.
/// </summary>
public sealed class DeploymentClusterTests
{
    [Fact]
    public async Task Rescale_WhenTheRestoreTakesLong_TheJobManagerAnswersMeanwhileAndTheRescaleCompletesWhenItEnds()
    {
        var gate = new GatedStateReadStorage.Gate();
        var cluster = await TestClusters.StartAsync(silos: 1, decorateStorage: inner => new GatedStateReadStorage(inner, gate));
        try
        {
            var (jobId, manager, trigger) = await RescaleWithTheGateClosedAsync(cluster, gate);
            await WaitUntilAsync(() => Task.FromResult(gate.Waited > 0), "no task started restoring");

            var details = await manager.GetDetails().WaitAsync(TimeSpan.FromSeconds(5)); // the restore holds no call of the job manager
            Assert.Equal(2, details!.Attempt);
            Assert.Equal(SavepointStatusKind.InProgress, (await manager.GetSavepoint(trigger.TriggerId!))!.Status);
            var refused = await manager.TriggerSavepoint(new SavepointRequest()).WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(SavepointRefusal.NotRunning, refused.Refusal);
            Assert.Contains("deploying attempt 2", refused.Message, StringComparison.Ordinal);

            gate.Open();
            await WaitUntilAsync(async () => (await manager.GetSavepoint(trigger.TriggerId!))!.Status != SavepointStatusKind.InProgress, "the rescale did not end");
            var status = await manager.GetSavepoint(trigger.TriggerId!);
            Assert.True(status!.Status == SavepointStatusKind.Completed, status.FailureCause);
            await JobWaits.WaitForAsync(cluster.Client, jobId, d => d.Status == JobStatus.Running && d.Vertices.All(v => v.Parallelism == 1) && d.Vertices.Single(v => v.Uid == "sum").RecordsIn > 0);
            var after = await manager.GetDetails();
            Assert.True(after!.Attempt == 2, $"restarted after the rescale: {after.FailureCause}");
            await manager.Cancel();
        }
        finally
        {
            gate.Open();
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Rescale_WhenATaskDoesNotReportWithinTheDeploymentTimeout_FailsTheRescaleAndTheJobRestarts()
    {
        var gate = new GatedStateReadStorage.Gate();
        var cluster = await TestClusters.StartAsync(silos: 1, configure: o => o.DeploymentTimeout = TimeSpan.FromSeconds(2),
            decorateStorage: inner => new GatedStateReadStorage(inner, gate));
        try
        {
            var (jobId, manager, trigger) = await RescaleWithTheGateClosedAsync(cluster, gate);
            await WaitUntilAsync(async () => (await manager.GetSavepoint(trigger.TriggerId!))!.Status != SavepointStatusKind.InProgress, "the rescale did not end");

            var status = await manager.GetSavepoint(trigger.TriggerId!);
            Assert.Equal(SavepointStatusKind.Failed, status!.Status);
            Assert.Contains("OrleansFlow:DeploymentTimeout", status.FailureCause, StringComparison.Ordinal);
            gate.Open();
            var restarted = await JobWaits.WaitForAsync(cluster.Client, jobId, d => d.Status == JobStatus.Running && d.Attempt >= 3);
            Assert.Contains("OrleansFlow:DeploymentTimeout", restarted.FailureCause, StringComparison.Ordinal);
            await manager.Cancel();
        }
        finally
        {
            gate.Open();
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    /// <summary>Runs keyed-sum at p = 2 until it made progress, closes the gate on state reads, and triggers a rescale to 1.</summary>
    private static async Task<(string JobId, IJobManagerGrain Manager, SavepointTriggerResult Trigger)> RescaleWithTheGateClosedAsync(
        Orleans.TestingHost.InProcessTestCluster cluster, GatedStateReadStorage.Gate gate)
    {
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(cluster.Client, parallelism: 2, events: 0, keys: 100, rate: 20_000, output: OutputFiles.NewDirectory());
        await SavepointSteps.WaitForProgressAsync(cluster.Client, jobId, 2_000);
        var manager = cluster.Client.GetGrain<IJobManagerGrain>(jobId);
        gate.Close();
        var trigger = await manager.TriggerSavepoint(new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = 1 });
        Assert.Equal(SavepointRefusal.None, trigger.Refusal);
        return (jobId, manager, trigger);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20);
        }
    }
}
