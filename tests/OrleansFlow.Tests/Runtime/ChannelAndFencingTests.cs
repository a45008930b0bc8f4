using OrleansFlow.Jobs;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Invariant 3 (FIFO per channel) and invariant 4 (attempt fencing) on real task grains.</summary>
public sealed class ChannelAndFencingTests : TwoSiloClusterTest
{
    [Fact]
    public async Task Deliver_WhenBatchesArriveReorderedDuplicatedAndStale_AppliesEachOnceInSequenceOrder()
    {
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var spec = new JobSpec
        {
            JobName = FifoProbeJob.Name, Parallelism = 1, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["output"] = output },
        };
        var probe = new TaskId(jobId, Vertex: 1, Subtask: 0);
        var grain = Cluster.Client.GetGrain<ITaskGrain>(probe.ToGrainKey());
        await grain.Deploy(new TaskDeployment(probe, Attempt: 2, spec)); // one-way: wait until it reports itself deployed
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await grain.IsDeployed(2) && DateTime.UtcNow < deadline) await Task.Delay(20);

        // Ten batches of 100 consecutive values, sequence numbers 0..9, then end of input as 10.
        var batches = Enumerable.Range(0, 10)
            .Select(s => new ChannelBatch(2, 0, 0, s, new RecordBatch<long>(Enumerable.Range(s * 100, 100).Select(i => (long)i).ToArray(), 100)))
            .ToList();
        var rng = new Random(42);
        var deliveries = batches.Concat(batches.Where((_, i) => i % 3 == 0)) // duplicates
            .OrderBy(_ => rng.Next())
            .ToList();
        // A stale attempt's batch on the same channel and sequence must be dropped.
        deliveries.Insert(0, new ChannelBatch(1, 0, 0, 0, new RecordBatch<long>([-1, -2], 2)));
        Assert.NotEqual(Enumerable.Range(0, 10), deliveries.Skip(1).Select(d => (int)d.Sequence).Take(10)); // really reordered

        foreach (var d in deliveries) await grain.Deliver(d);
        await grain.Deliver(new ChannelBatch(2, 0, 0, 10, EndOfInput.Instance));

        var lines = OutputFiles.ReadResult(output);
        Assert.Equal([string.Join(",", Enumerable.Range(0, 1000))], lines);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Deliver_WhenTaskActivationIsLostMidJob_FreshActivationRefusesAndJobReportsLoss()
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = "0", ["keys"] = "100", ["rate"] = "200000" },
            RestartStrategy = new RestartStrategySettings { Kind = RestartStrategyKind.None }, // show the loss itself, not the recovery
        });
        Assert.True(result.Accepted, result.Message);
        await JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Vertices.Single(v => v.Uid == "sum").RecordsIn > 10_000);

        var sumTask = new TaskId(jobId, Vertex: 1, Subtask: 0);
        var grain = Cluster.Client.GetGrain<ITaskGrain>(sumTask.ToGrainKey());
        await Cluster.DeactivateAsync(grain);

        var failed = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId);
        Assert.Equal(JobStatus.Failed, failed.Status);
        // Whichever reaches the job manager first: the fresh activation's report of its loss (naming sum[0]), or the
        // upstream source's failure to deliver to it (the refusal's TaskNotDeployedException).
        Assert.True(
            failed.FailureCause!.Contains("sum[0]", StringComparison.Ordinal) && failed.FailureCause.Contains("lost its state", StringComparison.Ordinal)
            || failed.FailureCause.Contains(nameof(TaskNotDeployedException), StringComparison.Ordinal),
            failed.FailureCause);

        // Any activation that was not deployed refuses records instead of processing them on empty state.
        var refusal = await Assert.ThrowsAsync<TaskNotDeployedException>(() =>
            grain.Deliver(new ChannelBatch(1, 0, 0, 0, new RecordBatch<long>([1L], 1))));
        Assert.Contains("no deployment", refusal.Message);
    }

    [Fact]
    public async Task FlushOnTimeout_WhenASourceKeepsAPartialBatch_RecordsStillReachDownstream()
    {
        var jobId = Guid.NewGuid().ToString("N");
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);
        // About 1,000 records/s per subtask over 2 channels each, and the source never runs dry (which would flush):
        // a 4,096-record batch fills only after ~8 s, so within 5 s only the buffer timeout can move records.
        var result = await manager.Submit(new JobSpec { JobName = TrickleJob.Name, Parallelism = 2, MaxParallelism = 128 });
        Assert.True(result.Accepted, result.Message);

        var running = await JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Vertices.Single(v => v.Uid == "sum").RecordsIn > 0, TimeSpan.FromSeconds(5));
        Assert.True(running.Vertices.Single(v => v.Uid == "sum").RecordsIn < 4096);

        Assert.Equal(JobStatus.Canceled, await manager.Cancel());
        var canceled = await manager.GetDetails();
        Assert.Equal(JobStatus.Canceled, canceled!.Status);
        Assert.NotNull(canceled.EndTime);
    }

    [Theory]
    [InlineData("failAt", "54321", "injected failure at event 54321")]
    [InlineData("failOpen", "true", "injected failure in Open")]
    public async Task Submit_WhenUserFunctionThrows_JobFailsWithTheCauseAndStopsItsTasks(string arg, string value, string cause)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);
        var result = await manager.Submit(new JobSpec
        {
            JobName = FailingJob.Name, Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = "100000", [arg] = value },
            RestartStrategy = new RestartStrategySettings { MaxAttempts = 2, DelayMs = 10 },
        });
        Assert.True(result.Accepted, result.Message);

        var failed = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId);

        Assert.Equal(JobStatus.Failed, failed.Status);
        Assert.Contains(cause, failed.FailureCause);
        Assert.NotNull(failed.EndTime);
        Assert.Equal(3, failed.Attempt); // the fault is deterministic: the first attempt and two restarts fail
        Assert.Equal(JobStatus.Failed, await manager.Cancel()); // a terminal job stays as it is
    }
}
