using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Savepoints on a two-silo cluster: stop, restore at other parallelisms, relocate, and every refusal.</summary>
public sealed class SavepointClusterTests : TwoSiloClusterTest
{
    private const long Events = 2_000_000, Keys = 1_000, Rate = 400_000;

    private string StorageRoot => TestClusters.StorageRootOf(Cluster);

    [Fact]
    public async Task StopAndRestore_WhenParallelismGoes4To2To8To3_OutputIsExact()
    {
        var output = OutputFiles.NewDirectory();
        string? savepoint = null;
        var progress = 0L;
        foreach (var parallelism in new[] { 4, 2, 8 })
        {
            var jobId = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, parallelism, Events, Keys, Rate, output, savepoint);
            progress += 300_000;
            await SavepointSteps.WaitForProgressAsync(Cluster.Client, jobId, 1); // the sum vertex counts only this job's records
            await JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Vertices.Single(v => v.Uid == "source").RecordsOut >= 200_000);
            savepoint = await SavepointSteps.StopAsync(Cluster.Client, jobId);
            Assert.StartsWith("savepoints/savepoint-", savepoint, StringComparison.Ordinal);
            Assert.Empty(OutputFiles.ReadResult(output)); // stopped jobs never reached end of input
        }

        var last = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 3, Events, Keys, rate: 0, output, savepoint);
        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, last, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(3, details.Vertices.Single(v => v.Uid == "sum").Parallelism);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(Events, Keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Assert.True(Events > details.Vertices.Single(v => v.Uid == "source").RecordsOut, "the last job must have resumed mid-stream, not read everything again");
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task Restore_WhenSavepointFolderWasCopiedAndOriginalDeleted_RestoresFromTheCopy()
    {
        var output = OutputFiles.NewDirectory();
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 2, 1_000_000, Keys, Rate, output);
        await JobWaits.WaitForAsync(Cluster.Client, jobId, d => d.Vertices.Single(v => v.Uid == "source").RecordsOut >= 200_000);
        var savepoint = await SavepointSteps.StopAsync(Cluster.Client, jobId);
        var original = Path.Combine(StorageRoot, savepoint);
        var copy = Path.Combine(StorageRoot, "elsewhere", "moved-savepoint");
        CopyDirectory(original, copy);
        Directory.Delete(original, recursive: true);

        var restored = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 3, 1_000_000, Keys, 0, output, "elsewhere/moved-savepoint");
        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, restored, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(1_000_000, Keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Directory.Delete(output, recursive: true);
    }

    [Fact]
    public async Task TriggerSavepoint_WhenJobKeepsRunning_SavepointCompletesAndJobRunsOn()
    {
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 2, 0, Keys, 100_000, OutputFiles.NewDirectory());
        await SavepointSteps.WaitForProgressAsync(Cluster.Client, jobId, 10_000);

        var status = await SavepointSteps.TakeAsync(Cluster.Client, jobId, new SavepointRequest { TargetDirectory = "my/savepoints" });

        Assert.Equal(SavepointStatusKind.Completed, status.Status);
        Assert.StartsWith($"my/savepoints/savepoint-{jobId[..6]}-", status.Location, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(StorageRoot, status.Location!, "_metadata")));
        Assert.True(File.Exists(Path.Combine(StorageRoot, status.Location!, "sum-0")));
        var details = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).GetDetails();
        Assert.Equal(JobStatus.Running, details!.Status);
        Assert.Equal(1, details.Attempt);
        await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Cancel();
    }

    [Fact]
    public async Task TriggerSavepoint_WhenCancelJob_JobEndsCanceledAfterTheSavepoint()
    {
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 2, 0, Keys, 100_000, OutputFiles.NewDirectory());
        await SavepointSteps.WaitForProgressAsync(Cluster.Client, jobId, 10_000);

        var status = await SavepointSteps.TakeAsync(Cluster.Client, jobId, new SavepointRequest { Mode = SavepointMode.CancelWithSavepoint });

        Assert.Equal(SavepointStatusKind.Completed, status.Status);
        Assert.Equal(JobStatus.Canceled, (await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId)).Status);
    }

    [Fact]
    public async Task TriggerSavepoint_WhenRefused_SaysWhyAndJobRunsOn()
    {
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 2, 0, Keys, 100_000, OutputFiles.NewDirectory());
        await SavepointSteps.WaitForProgressAsync(Cluster.Client, jobId, 10_000);
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);

        var outside = await manager.TriggerSavepoint(new SavepointRequest { TargetDirectory = "../escape" });
        var intoJobs = await manager.TriggerSavepoint(new SavepointRequest { TargetDirectory = "jobs/mine" });
        var drainWithoutStop = await manager.TriggerSavepoint(new SavepointRequest { Drain = true });
        var unknown = await Cluster.Client.GetGrain<IJobManagerGrain>(Guid.NewGuid().ToString("N")).TriggerSavepoint(new SavepointRequest());

        Assert.Equal(SavepointRefusal.InvalidArgument, outside.Refusal);
        Assert.Contains("targetDirectory", outside.Message, StringComparison.Ordinal);
        Assert.Equal(SavepointRefusal.InvalidArgument, intoJobs.Refusal);
        Assert.Equal(SavepointRefusal.InvalidArgument, drainWithoutStop.Refusal);
        Assert.Equal(SavepointRefusal.UnknownJob, unknown.Refusal);
        Assert.Equal(JobStatus.Running, (await manager.GetDetails())!.Status);
        await manager.Cancel();
        var notRunning = await manager.TriggerSavepoint(new SavepointRequest());
        Assert.Equal(SavepointRefusal.NotRunning, notRunning.Refusal);
    }

    internal static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyDirectory(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}
