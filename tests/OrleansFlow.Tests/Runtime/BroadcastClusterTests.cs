using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Broadcast connections (<see cref="BroadcastJob"/>) on a two-silo cluster against the reference model
/// <see cref="BroadcastJob.Expected"/>: every subtask holds every rule, at p = 1 and 3, and after stop-with-savepoint
/// 2 → 3 → 1 (keyed) or 2 → 1 → 3 (plain) with rules, buffers and timers pending (broadcast state restored from one copy onto every subtask).
/// </summary>
public sealed class BroadcastClusterTests : TwoSiloClusterTest
{
    private const long Keys = 7, Rules = 100;

    private async Task<string> SubmitAsync(string variant, int parallelism, long events, long rate, string output, string? savepoint = null)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = BroadcastJob.Name, Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string>
            {
                ["variant"] = variant, ["events"] = $"{events}", ["keys"] = $"{Keys}", ["rules"] = $"{Rules}", ["rate"] = $"{rate}", ["output"] = output,
            },
            Checkpointing = new CheckpointingSettings { IntervalMs = 200 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
            SavepointPath = savepoint,
        });
        Assert.True(result.Accepted, result.Message);
        return jobId;
    }

    private static List<string> Sorted(string output) => [.. OutputFiles.ReadResult(output).Order(StringComparer.Ordinal)];

    [Theory]
    [InlineData("keyed", 1)]
    [InlineData("keyed", 3)]
    [InlineData("plain", 1)]
    [InlineData("plain", 3)]
    public async Task Process_WhenEventsMeetBroadcastRules_EverySubtaskAppliesEveryRule(string variant, int parallelism)
    {
        const long events = 12_000;
        var output = OutputFiles.NewDirectory();
        var jobId = await SubmitAsync(variant, parallelism, events, rate: 0, output);

        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(BroadcastJob.Expected(variant, events, Keys, Rules), Sorted(output));
        Directory.Delete(output, recursive: true);
    }

    /// <summary>The plain variant applies rules only at the end, so its last run is the one at p = 3.</summary>
    [Theory]
    [InlineData("keyed", 2, 3, 1)]
    [InlineData("plain", 2, 1, 3)]
    public async Task Process_WhenStoppedWithSavepointsAndRestoredAtOtherParallelisms_RestoresTheRulesOnEverySubtask(string variant, int first, int second, int last)
    {
        const long events = 30_000;
        var output = OutputFiles.NewDirectory();
        var savepoint = await EventTimeRescaleSteps.StopAtEachAsync(
            Cluster.Client, (p, from) => SubmitAsync(variant, p, events, rate: 10_000, output, from), "apply", (first, 5_000L), (second, 12_000L));

        var lastJob = await SubmitAsync(variant, last, events, rate: 0, output, savepoint);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, lastJob, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(BroadcastJob.Expected(variant, events, Keys, Rules), Sorted(output));
        Directory.Delete(output, recursive: true);
    }
}
