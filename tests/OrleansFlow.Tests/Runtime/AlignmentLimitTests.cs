using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// With <c>OrleansFlow:MaxAlignmentBufferedRecords</c>, a task that would hold more records while aligning gives the
/// alignment up: that checkpoint fails with its own reason, without counting against the tolerable failures (0 here),
/// and the job runs on in its first attempt.
/// </summary>
public sealed class AlignmentLimitTests
{
    [Fact]
    public async Task DeclineAlignment_WhenATaskHoldsMoreThanTheLimit_FailsThatCheckpointOnlyAndTheJobRunsOn()
    {
        var cluster = await TestClusters.StartAsync(silos: 1, configure: o => o.MaxAlignmentBufferedRecords = 1);
        try
        {
            var jobId = Guid.NewGuid().ToString("N");
            var manager = cluster.Client.GetGrain<IJobManagerGrain>(jobId);
            var submitted = await manager.Submit(new JobSpec
            {
                JobName = "keyed-sum", Parallelism = 2, MaxParallelism = 128,
                Args = new Dictionary<string, string> { ["events"] = "0", ["keys"] = "100", ["rate"] = "200000" },
                Checkpointing = new CheckpointingSettings { IntervalMs = 50, TolerableFailures = 0 },
            });
            Assert.True(submitted.Accepted, submitted.Message);
            var coordinator = cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            CheckpointSummary? givenUp = null;
            while (givenUp is null && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
                givenUp = (await coordinator.GetStats()).History.FirstOrDefault(h => h.FailureMessage?.Contains("MaxAlignmentBufferedRecords", StringComparison.Ordinal) == true);
            }

            Assert.NotNull(givenUp);
            Assert.Equal("FAILED", givenUp.Status);
            Assert.Contains("gave the alignment up", givenUp.FailureMessage, StringComparison.Ordinal);
            var details = await manager.GetDetails();
            Assert.Equal(JobStatus.Running, details!.Status); // tolerable failures 0, yet no restart
            Assert.Equal(1, details.Attempt);
            await manager.Cancel();
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
