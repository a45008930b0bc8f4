using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// window-sum's pending windows (slices and their timers for tumbling and sliding, merging sessions) survive a stop
/// with savepoint at p = 2 restored at p = 3 and then p = 1, and the rescaling route 2 → 3 → 1: every window once.
/// </summary>
public sealed class WindowSumRescaleTests : TwoSiloClusterTest
{
    private const long Events = 60_000, Keys = 10;

    public static TheoryData<string, Dictionary<string, string>> Kinds => new()
    {
        { "tumbling", new() { ["windowMs"] = "1000" } },
        { "sliding", new() { ["windowMs"] = "1000", ["slideMs"] = "300" } },
        { "sessions", new() { ["gapMs"] = "200", ["jumpEvery"] = "1000", ["jumpMs"] = "500" } },
    };

    private static List<string> Expected(string kind) => kind switch
    {
        "tumbling" => WindowSumExpected.Tumbling(Events, Keys, 1000, 100),
        "sliding" => WindowSumExpected.Sliding(Events, Keys, 1000, 300, 100),
        _ => WindowSumExpected.Sessions(Events, Keys, 200, 100, 1000, 500),
    };

    private async Task<string> SubmitAsync(int parallelism, Dictionary<string, string> kind, long rate, string output, string? savepoint = null)
    {
        var args = new Dictionary<string, string>(kind) { ["events"] = $"{Events}", ["keys"] = $"{Keys}", ["rate"] = $"{rate}", ["output"] = output };
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "window-sum", Parallelism = parallelism, MaxParallelism = 128, Args = args,
            Checkpointing = new CheckpointingSettings { IntervalMs = 200 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
            SavepointPath = savepoint,
        });
        Assert.True(result.Accepted, result.Message);
        return jobId;
    }

    private static List<string> Sorted(string output) => [.. OutputFiles.ReadResult(output).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task StopAndRestore_WhenP2IsRestoredAtP3ThenP1_FiresEveryWindowOnce(string kind, Dictionary<string, string> args)
    {
        var output = OutputFiles.NewDirectory();
        var savepoint = await EventTimeRescaleSteps.StopAtEachAsync(
            Cluster.Client, (p, from) => SubmitAsync(p, args, rate: 10_000, output, from), "window", (2, 10_000L), (3, 25_000L));

        var last = await SubmitAsync(1, args, rate: 0, output, savepoint);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, last, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(Expected(kind), Sorted(output));
        Directory.Delete(output, recursive: true);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Rescale_WhenTheRunningJobGoes2To3To1_FiresEveryWindowOnce(string kind, Dictionary<string, string> args)
    {
        var output = OutputFiles.NewDirectory();
        var jobId = await SubmitAsync(2, args, rate: 10_000, output);
        await EventTimeRescaleSteps.RescaleAtEachAsync(Cluster.Client, jobId, "window", (3, 10_000L), (1, 25_000L));

        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(Expected(kind), Sorted(output));
        Directory.Delete(output, recursive: true);
    }
}
