using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Rescaling a running job in one operation: stop with savepoint, restart at the new parallelism, same job id.</summary>
public sealed class RescaleClusterTests : TwoSiloClusterTest
{
    [Fact]
    public async Task Rescale_WhenRunningJobGoes4To2To8To3_KeepsItsIdAndOutputIsExact()
    {
        const long events = 2_000_000, keys = 1_000;
        var output = OutputFiles.NewDirectory();
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 4, events, keys, 300_000, output);
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);
        var attempt = 1;
        foreach (var parallelism in new[] { 2, 8, 3 })
        {
            await JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Status == JobStatus.Running && d.Attempt == attempt
                && d.Vertices.Single(v => v.Uid == "source").RecordsOut >= 100_000);

            var status = await SavepointSteps.TakeAsync(Cluster.Client, jobId, new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = parallelism });

            Assert.True(status.Status == SavepointStatusKind.Completed, status.FailureCause);
            Assert.Equal(parallelism, status.Parallelism);
            Assert.NotNull(status.Downtime);
            Assert.True(status.Downtime > TimeSpan.Zero);
            var details = await manager.GetDetails();
            Assert.Equal((JobStatus.Running, attempt + 1), (details!.Status, details.Attempt));
            Assert.Equal(parallelism, details.Vertices.Single(v => v.Uid == "sum").Parallelism);
            attempt++;
        }

        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, finished.Status);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Rescale_WhenParallelismInvalidOrJobNotRunning_IsRefusedAndJobRunsOn()
    {
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 2, 0, 100, 50_000, OutputFiles.NewDirectory());
        await SavepointSteps.WaitForProgressAsync(Cluster.Client, jobId, 1_000);
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);

        var tooHigh = await manager.TriggerSavepoint(new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = 129 });
        var zero = await manager.TriggerSavepoint(new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = 0 });

        Assert.Equal(SavepointRefusal.InvalidArgument, tooHigh.Refusal);
        Assert.Contains("maxParallelism 128", tooHigh.Message, StringComparison.Ordinal);
        Assert.Equal(SavepointRefusal.InvalidArgument, zero.Refusal);
        Assert.Equal((JobStatus.Running, 1), ((await manager.GetDetails())!.Status, (await manager.GetDetails())!.Attempt));
        await manager.Cancel();
        Assert.Equal(SavepointRefusal.NotRunning, (await manager.TriggerSavepoint(new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = 3 })).Refusal);
    }
}
