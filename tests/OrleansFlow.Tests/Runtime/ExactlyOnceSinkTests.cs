using OrleansFlow.Connectors;
using OrleansFlow.BuiltIn;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>The file sink's two-phase commit in a running job: output appears per completed checkpoint, exactly once through failures.</summary>
public sealed class ExactlyOnceSinkTests : TwoSiloClusterTest
{
    [Fact]
    public async Task FileSink_WhenFaultsStrikeWhileRecordsStream_EveryEventIsVisibleExactlyOnce()
    {
        const long events = 400_000;
        var rng = new Random(20261124);
        var faults = Enumerable.Range(0, 6).Select(_ => rng.NextInt64(20_000, events)).Distinct().ToList();
        var output = OutputFiles.NewDirectory();
        var jobId = await SubmitAsync(events, rate: 100_000, output, faults);

        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(faults.Count, FaultInjection.FiredCount(jobId));
        var lines = OutputFiles.ReadResult(output).Select(long.Parse).ToList();
        Assert.Equal(lines.Count, lines.Distinct().Count()); // no duplicate
        Assert.Equal(Enumerable.Range(0, (int)events).Select(i => (long)i), lines.Order()); // none missing
        Assert.True(Directory.GetFiles(output, "part-*").Length > 2, "the output should be committed in several checkpoint-sized parts");
        Assert.Empty(Directory.GetFiles(output, ".part-*")); // leftovers of failed attempts were discarded
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task FileSink_WhenCheckpointsCompleteAndJobStopsWithSavepoint_CommittedOutputIsAPrefixOfEverySourceSplit()
    {
        var output = OutputFiles.NewDirectory();
        var jobId = await SubmitAsync(events: 0, rate: 20_000, output, faults: []);
        var coordinator = Cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (((await coordinator.GetStats()).Completed < 3 || OutputFiles.ReadResult(output).Count == 0) && DateTime.UtcNow < deadline) await Task.Delay(50);

        Assert.NotEmpty(OutputFiles.ReadResult(output)); // committed while the unbounded job runs
        // Each sink subtask commits checkpoint n on its own notification, so a reader in between sees part of n. Stop
        // with a savepoint: the job commits the savepoint's transactions before it is FINISHED, so the visible output is
        // then exactly what the savepoint barrier covers.
        await SavepointSteps.StopAsync(Cluster.Client, jobId);
        var visible = OutputFiles.ReadResult(output).Select(long.Parse).ToList();

        Assert.Equal(visible.Count, visible.Distinct().Count());
        const long n = GeneratorSource<long>.DefaultSplits;
        foreach (var split in visible.GroupBy(v => v % n)) // the generator's split j emits events j, j+n, j+2n, …
        {
            var values = split.Order().ToList();
            Assert.Equal(Enumerable.Range(0, values.Count).Select(i => split.Key + n * i), values); // no gap: exactly what a checkpoint covers
        }
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task FileSink_WhenCheckpointingIsOff_OutputAppearsOnlyWhenTheBoundedJobFinishes()
    {
        const long events = 50_000;
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = EventLogJob.Name, Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["output"] = output },
        });
        Assert.True(result.Accepted, result.Message);

        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(Enumerable.Range(0, (int)events).Select(i => (long)i), OutputFiles.ReadResult(output).Select(long.Parse).Order());
        Directory.Delete(output, recursive: true);
    }

    private async Task<string> SubmitAsync(long events, long rate, string output, IReadOnlyCollection<long> faults)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = EventLogJob.Name, Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["rate"] = $"{rate}", ["output"] = output, ["faults"] = string.Join(",", faults) },
            Checkpointing = new CheckpointingSettings { IntervalMs = 100 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
        });
        Assert.True(result.Accepted, result.Message);
        return jobId;
    }
}
