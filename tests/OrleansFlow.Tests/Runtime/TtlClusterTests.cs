using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Time to live turned on and off across real savepoints (<see cref="TtlSumJob"/>, TTL far longer than the run): each
/// restore reads the other format without error and the sums stay exact; the savepoint shows the stored type.
/// </summary>
public sealed class TtlClusterTests : TwoSiloClusterTest
{
    private const long Events = 30_000, Keys = 10;

    private async Task<string> SubmitAsync(int parallelism, long ttlMs, long rate, string output, string? savepoint = null)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = TtlSumJob.Name, Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{Events}", ["keys"] = $"{Keys}", ["ttlMs"] = $"{ttlMs}", ["rate"] = $"{rate}", ["output"] = output },
            Checkpointing = new CheckpointingSettings { IntervalMs = 200 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
            SavepointPath = savepoint,
        });
        Assert.True(result.Accepted, result.Message);
        return jobId;
    }

    [Fact]
    public async Task Restore_WhenTtlIsTurnedOnThenOffAcrossSavepoints_RestoresWithoutErrorAndKeepsEverySum()
    {
        const long hour = 3_600_000;
        var output = OutputFiles.NewDirectory();
        var first = await SubmitAsync(2, ttlMs: 0, rate: 10_000, output);
        await JobWaits.WaitForAsync(Cluster.Client, first, d => d.Status == JobStatus.Running && d.Vertices.Single(v => v.Uid == "sum").RecordsIn >= 5_000);
        var plain = await SavepointSteps.StopAsync(Cluster.Client, first);
        var second = await SubmitAsync(3, ttlMs: hour, rate: 10_000, output, plain);
        await JobWaits.WaitForAsync(Cluster.Client, second, d => d.Status == JobStatus.Running && d.Vertices.Single(v => v.Uid == "sum").RecordsIn >= 5_000);
        var withTtl = await SavepointSteps.StopAsync(Cluster.Client, second);

        var inspection = await Cluster.Client.GetGrain<ISavepointGrain>(0).Inspect(withTtl.TrimEnd('/').Split('/')[^1]);
        Assert.True(inspection.Savepoint is not null, inspection.Message);
        Assert.StartsWith("OrleansFlow.State.TtlValue<", inspection.Savepoint.Operators.Single(o => o.Uid == "sum").States.Single(s => s.Name == "sums").ValueType, StringComparison.Ordinal);

        var last = await SubmitAsync(1, ttlMs: 0, rate: 0, output, withTtl);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, last, TimeSpan.FromSeconds(60));

        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        var expected = Enumerable.Range(0, (int)Keys).Select(k => $"{k},{Events / Keys},{Enumerable.Range(0, (int)Events).Where(i => i % Keys == k).Sum(i => (long)i)}");
        Assert.Equal(expected.Order(StringComparer.Ordinal), OutputFiles.ReadResult(output).Order(StringComparer.Ordinal));
        Directory.Delete(output, recursive: true);
    }
}
