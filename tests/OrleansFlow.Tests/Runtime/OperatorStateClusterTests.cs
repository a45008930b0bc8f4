using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Operator state (<see cref="OperatorStateJob"/>) on a two-silo cluster through stop-with-savepoint 2 → 3 → 1 and the
/// rescaling route: even-split list state keeps every element exactly once, union list state gives every subtask every
/// element, broadcast state is restored equal on every subtask; the savepoint shows and serves all three.
/// </summary>
public sealed class OperatorStateClusterTests : TwoSiloClusterTest
{
    private const long Events = 30_000;

    private async Task<string> SubmitAsync(int parallelism, long rate, string output, string? savepoint = null)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = OperatorStateJob.Name, Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{Events}", ["rate"] = $"{rate}", ["output"] = output },
            Checkpointing = new CheckpointingSettings { IntervalMs = 200 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
            SavepointPath = savepoint,
        });
        Assert.True(result.Accepted, result.Message);
        return jobId;
    }

    private Task WaitForRecordsAsync(string jobId, long records, int attempt = 1) =>
        JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Status == JobStatus.Running && d.Attempt == attempt && d.Vertices.Single(v => v.Uid == "buffer").RecordsIn >= records);

    /// <summary>Every value once; per run (by parallelism) the union markers and broadcast entries each subtask restored.</summary>
    private static void AssertOutput(string output, IReadOnlyList<int> runs)
    {
        var lines = OutputFiles.ReadResult(output);
        var values = lines.Where(l => l.StartsWith("v,", StringComparison.Ordinal)).Select(l => long.Parse(l[2..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Events, values.Count);
        Assert.Equal(Enumerable.Range(0, (int)Events).Select(i => (long)i), values);
        for (var run = 0; run < runs.Count; run++)
        {
            var p = runs[run];
            var markers = run == 0 ? "" : string.Join('|', Enumerable.Range(0, runs[run - 1]).Select(s => $"p{runs[run - 1]}-s{s}"));
            var entries = string.Join('|', runs.Take(run + 1).Distinct().Select(r => $"p{r}={r}").Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(0, p).Select(s => $"union,{p},{s},{markers}"), lines.Where(l => l.StartsWith($"union,{p},", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
            Assert.Equal(Enumerable.Range(0, p).Select(s => $"broadcast,{p},{s},{entries}"), lines.Where(l => l.StartsWith($"broadcast,{p},", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task OperatorState_WhenStoppedWithASavepointAtP2AndRestoredAtP3ThenP1_KeepsListElementsOnceAndRestoresUnionAndBroadcast()
    {
        var output = OutputFiles.NewDirectory();
        var first = await SubmitAsync(2, rate: 10_000, output);
        await WaitForRecordsAsync(first, 5_000);
        var atP2 = await SavepointSteps.StopAsync(Cluster.Client, first);
        var second = await SubmitAsync(3, rate: 10_000, output, atP2);
        await WaitForRecordsAsync(second, 5_000);
        var atP3 = await SavepointSteps.StopAsync(Cluster.Client, second);

        var inspection = await Cluster.Client.GetGrain<ISavepointGrain>(0).Inspect(SavepointName(atP3));
        Assert.True(inspection.Savepoint is not null, inspection.Message);
        var buffer = inspection.Savepoint.Operators.Single(o => o.Uid == "buffer");
        Assert.Equal(["buffered:list", "markers:union", "runs:broadcast"], buffer.OperatorStates.Select(s => $"{s.Name}:{s.Mode}"));
        Assert.Equal(3, buffer.OperatorStates.Single(s => s.Name == "markers").Count);
        Assert.Equal([0], buffer.OperatorStates.Single(s => s.Name == "runs").CountsBySubtask.Keys); // one copy
        Assert.Equal(3, buffer.OperatorStateFiles.Count);
        var markers = await Cluster.Client.GetGrain<ISavepointGrain>(0).ReadState(SavepointName(atP3), "buffer", "markers", null);
        Assert.Equal(("union", "[\"p3-s0\",\"p3-s1\",\"p3-s2\"]"), (markers.Mode, markers.ValueJson));
        var run = await Cluster.Client.GetGrain<ISavepointGrain>(0).ReadState(SavepointName(atP3), "buffer", "runs", "p3");
        Assert.Equal(("broadcast", "3"), (run.Mode, run.ValueJson));

        var last = await SubmitAsync(1, rate: 0, output, atP3);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, last, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        AssertOutput(output, [2, 3, 1]);
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task OperatorState_WhenTheRunningJobIsRescaled2To3To1_KeepsListElementsOnceAndRestoresUnionAndBroadcast()
    {
        var output = OutputFiles.NewDirectory();
        var jobId = await SubmitAsync(2, rate: 10_000, output);
        var attempt = 1;
        foreach (var parallelism in new[] { 3, 1 })
        {
            await WaitForRecordsAsync(jobId, 3_000, attempt);
            var status = await SavepointSteps.TakeAsync(Cluster.Client, jobId, new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = parallelism });
            Assert.True(status.Status == SavepointStatusKind.Completed, status.FailureCause);
            attempt++;
        }

        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        AssertOutput(output, [2, 3, 1]);
        Directory.Delete(output, recursive: true);
    }

    private static string SavepointName(string location) => location.TrimEnd('/').Split('/')[^1];
}
