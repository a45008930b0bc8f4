using OrleansFlow.BuiltIn;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Exactly-once through failures: restarts restore the latest complete checkpoint and sources replay from its offsets.</summary>
public sealed class RecoveryTests : TwoSiloClusterTest
{
    [Fact]
    public async Task KeyedSum_WhenUserFunctionThrowsAtTenRandomPoints_OutputIsExactlyArithmetic()
    {
        const long events = 2_000_000, keys = 1000;
        var rng = new Random(20261123);
        var faults = Enumerable.Range(0, 10).Select(_ => rng.NextInt64(100_000, events)).Distinct().ToList();
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string>
            {
                ["events"] = $"{events}", ["keys"] = $"{keys}", ["rate"] = "400000", ["output"] = output, ["faults"] = string.Join(",", faults),
            },
            Checkpointing = new CheckpointingSettings { IntervalMs = 200 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
        });
        Assert.True(result.Accepted, result.Message);

        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(faults.Count, FaultInjection.FiredCount(jobId));
        Assert.InRange(details.Attempt, 2, faults.Count + 1); // faults of both sum subtasks in one attempt share a restart
        Assert.Contains("Injected fault", details.FailureCause); // the last failure it recovered from
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        var stats = await Cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId).GetStats();
        Assert.True(stats.Restored >= 1, $"no restart restored a checkpoint ({stats.Completed} completed)");
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Deliver_WhenTaskActivationIsLost_JobRestartsFromCheckpointAndFinishesExactly()
    {
        const long events = 1_500_000, keys = 500;
        var output = OutputFiles.NewDirectory();
        var (jobId, coordinator) = await SubmitCheckpointedAsync(events, keys, output);

        await Cluster.DeactivateAsync(Cluster.Client.GetGrain<ITaskGrain>(new TaskId(jobId, 1, 0).ToGrainKey()));
        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.True(details.Attempt >= 2, $"attempt {details.Attempt}: the loss did not restart the job");
        Assert.True( // whichever report reached the job manager first: the lost task's own or its upstream's refused delivery
            details.FailureCause!.Contains("lost its state", StringComparison.Ordinal) || details.FailureCause.Contains(nameof(TaskNotDeployedException), StringComparison.Ordinal),
            details.FailureCause);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Assert.True((await coordinator.GetStats()).Restored >= 1);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task KeyedSum_WhenOneOfTwoSilosStopsMidRun_ResumesOnTheOtherAndOutputIsExact()
    {
        const long events = 1_500_000, keys = 500;
        var output = OutputFiles.NewDirectory();
        var (jobId, _) = await SubmitCheckpointedAsync(events, keys, output);

        await Cluster.StopSiloAsync(Cluster.Silos[1]); // subtasks are spread over both silos: some state is lost with it
        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.True(details.Attempt >= 2, $"attempt {details.Attempt}: the silo loss did not restart the job");
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Assert.Single(details.Vertices.SelectMany(v => v.Subtasks).Select(s => s.Host).Distinct()); // all on the surviving silo now
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Restore_WhenNewestCheckpointStateFileIsCorrupt_UsesThePreviousOneAndSaysWhy()
    {
        const long events = 1_500_000, keys = 500;
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["rate"] = "300000", ["output"] = output },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
        });
        Assert.True(result.Accepted, result.Message);
        var coordinator = Cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);
        for (var expected = 1; expected <= 2; expected++)
        {
            Assert.Equal(expected, await coordinator.Trigger());
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while ((await coordinator.GetStats()).Completed < expected && DateTime.UtcNow < deadline) await Task.Delay(20);
        }
        var stateFile = Path.Combine(TestClusters.StorageRootOf(Cluster), "jobs", jobId, "chk-2", "sum-0");
        var bytes = await File.ReadAllBytesAsync(stateFile);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(stateFile, bytes);

        await Cluster.DeactivateAsync(Cluster.Client.GetGrain<ITaskGrain>(new TaskId(jobId, 1, 0).ToGrainKey()));
        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        var restore = (await coordinator.GetStats()).LatestRestore;
        Assert.NotNull(restore);
        Assert.Equal(1, restore.CheckpointId);
        var skipped = Assert.Single(restore.Skipped);
        Assert.StartsWith("chk-2:", skipped, StringComparison.Ordinal);
        Assert.Contains("sum-0", skipped, StringComparison.Ordinal);
        Assert.Contains("checksum", skipped, StringComparison.Ordinal);
        Directory.Delete(output, recursive: true);
    }

    /// <summary>Submits a checkpointed, rate-limited keyed-sum and waits until two checkpoints completed.</summary>
    private async Task<(string JobId, ICheckpointCoordinatorGrain Coordinator)> SubmitCheckpointedAsync(long events, long keys, string output)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["rate"] = "500000", ["output"] = output },
            Checkpointing = new CheckpointingSettings { IntervalMs = 100 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
        });
        Assert.True(result.Accepted, result.Message);
        var coordinator = Cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await coordinator.GetStats()).Completed < 2 && DateTime.UtcNow < deadline) await Task.Delay(20);
        return (jobId, coordinator);
    }
}
