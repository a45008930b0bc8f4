using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// A held input is backpressured: while a task aligns a checkpoint, the batches its fast input sends after the barrier
/// count in that channel's window until the alignment ends, so the alignment holds at most a window per channel, with
/// no <c>MaxAlignmentBufferedRecords</c> limit set.
/// </summary>
public sealed class AlignmentBackpressureTests
{
    private const int BatchSize = 64;
    private const int Window = 4;

    [Fact]
    public async Task Alignment_WhenOneInputIsFarAhead_HoldsNoMoreThanTheChannelWindows()
    {
        var cluster = await TestClusters.StartAsync(silos: 1, configure: o =>
        {
            o.BatchSize = BatchSize;
            o.ChannelWindow = Window;
            o.MaxAlignmentBufferedRecords = 0;
        });
        try
        {
            var jobId = Guid.NewGuid().ToString("N");
            var manager = cluster.Client.GetGrain<IJobManagerGrain>(jobId);
            var submitted = await manager.Submit(new JobSpec
            {
                JobName = SkewedJob.Name, Parallelism = 2, MaxParallelism = 128,
                Checkpointing = new CheckpointingSettings { IntervalMs = 100 },
            });
            Assert.True(submitted.Accepted, submitted.Message);
            var coordinator = cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);

            IReadOnlyList<CheckpointSummary> completed = [];
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (completed.Count < 8 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                completed = [.. (await coordinator.GetStats()).History.Where(h => h.Status == "COMPLETED")];
            }

            Assert.True(completed.Count >= 8, $"only {completed.Count} checkpoints completed");
            var held = completed.SelectMany(c => c.Tasks).Max(t => t.AlignmentBufferedRecords);
            Assert.True(held > 0, "no alignment held anything: the job is not skewed enough to test this");
            Assert.True(held <= Window * BatchSize * 2, $"an alignment held {held} records, more than {Window} batches of {BatchSize} on each of 2 channels");
            await manager.Cancel();
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
