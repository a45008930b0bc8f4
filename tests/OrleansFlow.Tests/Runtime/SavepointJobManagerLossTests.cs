using System.Collections.Concurrent;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// The job manager's silo leaves while a savepoint is being written (its state files hang): the savepoint operation
/// outlives the activation as FAILED with the cause, nothing of it is left as a savepoint, and the job runs on.
/// </summary>
public sealed class SavepointJobManagerLossTests : TwoSiloClusterTest
{
    private readonly ConcurrentQueue<HangingStateWriteStorage> _storages = new();

    protected override Func<ICheckpointStorage, ICheckpointStorage>? DecorateStorage => inner =>
    {
        var storage = new HangingStateWriteStorage(inner, path => path.StartsWith(StoragePaths.SavepointsFolder + "/", StringComparison.Ordinal));
        _storages.Enqueue(storage);
        return storage;
    };

    [Fact]
    public async Task GetSavepoint_WhenJobManagersSiloLeavesWhileTheSavepointIsWritten_ReportsItFailedWithTheCause()
    {
        var leaving = Cluster.Silos[1];
        var leavingEndpoint = $"{leaving.SiloAddress.Endpoint}";
        var jobId = await SubmitIdleJobWithManagerAsync(host => host.Contains(leavingEndpoint, StringComparison.Ordinal));
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);

        var trigger = await manager.TriggerSavepoint(new SavepointRequest { Mode = SavepointMode.Savepoint });
        Assert.Equal(SavepointRefusal.None, trigger.Refusal);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (_storages.Sum(s => s.Started) == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.True(_storages.Sum(s => s.Started) > 0, "No savepoint state file write started.");
        Assert.Equal(SavepointStatusKind.InProgress, (await manager.GetSavepoint(trigger.TriggerId!))!.Status); // the moment chosen

        await Cluster.StopSiloAsync(leaving);
        var resumed = await JobWaits.WaitForAsync(Cluster.Client, jobId,
            d => d.Status == JobStatus.Running && !d.ManagerHost!.Contains(leavingEndpoint, StringComparison.Ordinal), TimeSpan.FromSeconds(60));

        var after = await manager.GetSavepoint(trigger.TriggerId!);
        Assert.NotNull(after);
        Assert.Equal(SavepointStatusKind.Failed, after.Status);
        Assert.Contains("job manager was lost", after.FailureCause, StringComparison.Ordinal);
        Assert.Null(after.Location);
        var survivor = _storages.First();
        Assert.DoesNotContain(await survivor.ListAsync(StoragePaths.SavepointsFolder), p => p.EndsWith("/" + StoragePaths.MetadataName, StringComparison.Ordinal));
        Assert.Equal(JobStatus.Running, resumed.Status);
        await manager.Cancel();
    }
}
