using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Steps of the savepoint tests on a cluster: submit keyed-sum, stop it with a savepoint, wait for outcomes.</summary>
internal static class SavepointSteps
{
    public static async Task<string> SubmitKeyedSumAsync(
        IGrainFactory grains, int parallelism, long events, long keys, long rate, string output, string? savepointPath = null, int maxParallelism = 128)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await grains.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = parallelism, MaxParallelism = maxParallelism,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["rate"] = $"{rate}", ["output"] = output },
            Checkpointing = new CheckpointingSettings { IntervalMs = 200 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
            SavepointPath = savepointPath,
        });
        Assert.True(result.Accepted, result.Message);
        return jobId;
    }

    /// <summary>Waits until the job's sum vertex has taken in at least <paramref name="records"/> records.</summary>
    public static Task WaitForProgressAsync(IGrainFactory grains, string jobId, long records) =>
        JobWaits.WaitForAsync(grains, jobId, d => d.Status == JobStatus.Running && d.Vertices.Single(v => v.Uid == "sum").RecordsIn >= records);

    /// <summary>Requests a savepoint and waits for it; returns its status.</summary>
    public static async Task<SavepointStatus> TakeAsync(IGrainFactory grains, string jobId, SavepointRequest request)
    {
        var manager = grains.GetGrain<IJobManagerGrain>(jobId);
        var trigger = await manager.TriggerSavepoint(request);
        if (trigger.Refusal != SavepointRefusal.None)
        {
            var job = await manager.GetDetails();
            var checkpoints = await grains.GetGrain<OrleansFlow.Checkpointing.ICheckpointCoordinatorGrain>(jobId).GetStats();
            Assert.Fail($"{trigger.Message} (job {job?.Status}, attempt {job?.Attempt}, cause {job?.FailureCause}; checkpoint history: " +
                $"{string.Join(" | ", checkpoints.History.Select(h => $"{h.Id} {h.Status} {h.FailureMessage}"))})");
        }
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await manager.GetSavepoint(trigger.TriggerId!);
            Assert.NotNull(status);
            if (status.Status != SavepointStatusKind.InProgress) return status;
            Assert.True(DateTime.UtcNow < deadline, $"savepoint {trigger.TriggerId} of job {jobId} still in progress");
            await Task.Delay(20);
        }
    }

    /// <summary>Stops the job with a savepoint; asserts it completed and the job FINISHED; returns the savepoint's location.</summary>
    public static async Task<string> StopAsync(IGrainFactory grains, string jobId)
    {
        var status = await TakeAsync(grains, jobId, new SavepointRequest { Mode = SavepointMode.StopWithSavepoint });
        Assert.True(status.Status == SavepointStatusKind.Completed, status.FailureCause);
        var details = await JobWaits.WaitForTerminalAsync(grains, jobId, TimeSpan.FromSeconds(60));
        Assert.Equal(JobStatus.Finished, details.Status);
        return status.Location!;
    }
}
