using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// A rescale does not read its savepoint back before redeploying: the new tasks verify what they read. When that fails,
/// the job restarts from its latest checkpoint, saying why the savepoint was passed over.
/// </summary>
public sealed class CorruptRescaleTests
{
    [Fact]
    public async Task Rescale_WhenTheSavepointReadsBackCorrupt_FailsAndTheJobRestartsFromItsLatestCheckpointAtTheNewParallelism()
    {
        var cluster = await TestClusters.StartAsync(silos: 1, decorateStorage: inner => new CorruptSavepointReadStorage(inner));
        try
        {
            var jobId = Guid.NewGuid().ToString("N");
            var manager = cluster.Client.GetGrain<IJobManagerGrain>(jobId);
            var submitted = await manager.Submit(new JobSpec
            {
                JobName = IdleJob.Name, Parallelism = 1, MaxParallelism = 128,
                Checkpointing = new CheckpointingSettings { IntervalMs = 50 },
                RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
            });
            Assert.True(submitted.Accepted, submitted.Message);
            var coordinator = cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await coordinator.GetStats()).Completed == 0 && DateTime.UtcNow < deadline) await Task.Delay(20);

            var rescale = await SavepointSteps.TakeAsync(cluster.Client, jobId, new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = 2 });

            Assert.Equal(SavepointStatusKind.Failed, rescale.Status);
            Assert.Contains("corrupt", rescale.FailureCause, StringComparison.Ordinal);
            var running = await JobWaits.WaitForAsync(cluster.Client, jobId, d => d.Status == JobStatus.Running && d.Attempt >= 3, TimeSpan.FromSeconds(60));
            Assert.All(running.Vertices, v => Assert.Equal(2, v.Parallelism));
            var restored = (await coordinator.GetStats()).LatestRestore;
            Assert.NotNull(restored);
            Assert.Contains("/chk-", restored.Path, StringComparison.Ordinal); // a checkpoint, not the savepoint
            Assert.Contains(restored.Skipped, s => s.StartsWith("savepoint ", StringComparison.Ordinal) && s.Contains("checksum", StringComparison.Ordinal));
            await manager.Cancel();
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
