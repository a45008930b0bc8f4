using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>An aborted checkpoint stops the writes still running for it.</summary>
public sealed class CheckpointAbortTests
{
    [Fact]
    public async Task NotifyCheckpointAborted_WhenCheckpointTimesOutWhileATaskWrites_StopsTheWriteAndStoresNothing()
    {
        HangingStateWriteStorage? hanging = null;
        var cluster = await TestClusters.StartAsync(silos: 1, decorateStorage: inner => hanging ??= new HangingStateWriteStorage(inner));
        try
        {
            var jobId = Guid.NewGuid().ToString("N");
            var manager = cluster.Client.GetGrain<IJobManagerGrain>(jobId);
            var submitted = await manager.Submit(new JobSpec
            {
                JobName = IdleJob.Name, Parallelism = 1, MaxParallelism = 128,
                Checkpointing = new CheckpointingSettings { IntervalMs = 0, TimeoutMs = 300, TolerableFailures = 10 },
            });
            Assert.True(submitted.Accepted, submitted.Message);
            await JobWaits.WaitForAsync(cluster.Client, jobId, d => d.Status == JobStatus.Running);
            var coordinator = cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);

            var id = await coordinator.Trigger();

            Assert.NotNull(id);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (hanging!.Cancelled == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);
            Assert.Equal(1, hanging.Started);
            Assert.Equal(1, hanging.Cancelled); // without the notification the write would wait forever
            var stats = await coordinator.GetStats();
            var entry = Assert.Single(stats.History, h => h.Id == id);
            Assert.Equal("FAILED", entry.Status);
            Assert.Empty(await hanging.ListAsync(StoragePaths.Checkpoint(jobId, id.Value)));
            Assert.Equal(JobStatus.Running, (await manager.GetDetails())!.Status); // an aborted checkpoint does not fail the task
            await manager.Cancel();
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
