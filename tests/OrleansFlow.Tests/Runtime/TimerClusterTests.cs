using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Event-time timers of a keyed process function on a two-silo cluster (<see cref="TimerWindowJob"/>, tumbling windows
/// by hand): each window's timer fires exactly once, at any parallelism and through savepoints and rescaling, which
/// holds only if timers are in checkpoints and move with their key groups.
/// </summary>
public sealed class TimerClusterTests : TwoSiloClusterTest
{
    private const long Keys = 10, WindowMs = 1_000, DisorderMs = 100;

    private async Task<string> SubmitAsync(int parallelism, long events, long rate, string output, string? savepoint = null)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = TimerWindowJob.Name, Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string>
            {
                ["events"] = $"{events}", ["keys"] = $"{Keys}", ["windowMs"] = $"{WindowMs}", ["disorderMs"] = $"{DisorderMs}",
                ["rate"] = $"{rate}", ["output"] = output,
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
    [InlineData(1)]
    [InlineData(3)]
    public async Task OnTimer_WhenABoundedInputEnds_FiresEveryWindowOnce(int parallelism)
    {
        const long events = 20_000;
        var output = OutputFiles.NewDirectory();
        var jobId = await SubmitAsync(parallelism, events, rate: 0, output);

        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(WindowSumExpected.Tumbling(events, Keys, WindowMs, DisorderMs), Sorted(output));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task OnTimer_WhenStoppedWithASavepointAtP2AndRestoredAtP3ThenP1_FiresEveryPendingTimerExactlyOnce()
    {
        const long events = 60_000;
        var output = OutputFiles.NewDirectory();
        var savepoint = await EventTimeRescaleSteps.StopAtEachAsync(
            Cluster.Client, (p, from) => SubmitAsync(p, events, rate: 10_000, output, from), "sum", (2, 10_000L), (3, 25_000L));
        Assert.NotEmpty(OutputFiles.ReadResult(output)); // windows the watermark passed fired before the stops

        var last = await SubmitAsync(1, events, rate: 0, output, savepoint);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, last, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(WindowSumExpected.Tumbling(events, Keys, WindowMs, DisorderMs), Sorted(output));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task OnTimer_WhenTheRunningJobIsRescaled2To3To1_FiresEveryPendingTimerExactlyOnce()
    {
        const long events = 60_000;
        var output = OutputFiles.NewDirectory();
        var jobId = await SubmitAsync(2, events, rate: 10_000, output);
        await EventTimeRescaleSteps.RescaleAtEachAsync(Cluster.Client, jobId, "sum", (3, 10_000L), (1, 25_000L));

        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(1, finished.Vertices.Single(v => v.Uid == "sum").Parallelism);
        Assert.Equal(WindowSumExpected.Tumbling(events, Keys, WindowMs, DisorderMs), Sorted(output));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task OnTimer_WhenProcessingTimeTimersAreDue_TheTaskFiresEachOnceOnItsClock()
    {
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = ProcessingTimeJob.Name, Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["keys"] = "5", ["delayMs"] = "20", ["output"] = output },
            Checkpointing = new CheckpointingSettings { IntervalMs = 100 },
        });
        Assert.True(result.Accepted, result.Message);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (OutputFiles.ReadResult(output).Count < 5 && DateTime.UtcNow < deadline) await Task.Delay(50);
        var details = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).GetDetails();
        await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Cancel();

        Assert.True(details!.Status == JobStatus.Running, details.FailureCause);
        Assert.Equal(["0,ProcessingTime", "1,ProcessingTime", "2,ProcessingTime", "3,ProcessingTime", "4,ProcessingTime"], Sorted(output));
        Directory.Delete(output, recursive: true);
    }
}
