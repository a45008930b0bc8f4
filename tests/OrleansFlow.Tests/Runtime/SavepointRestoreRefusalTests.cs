using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Submitting from a savepoint that does not fit is refused with a message naming the problem; nothing starts and the running job is untouched.</summary>
public sealed class SavepointRestoreRefusalTests : TwoSiloClusterTest
{
    [Fact]
    public async Task Submit_WhenSavepointDoesNotFit_RefusesNamingTheProblemAndLeavesTheRunningJobRunning()
    {
        var running = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 2, 0, 1000, 100_000, OutputFiles.NewDirectory());
        await SavepointSteps.WaitForProgressAsync(Cluster.Client, running, 10_000);
        var savepoint = await SavepointSteps.TakeAsync(Cluster.Client, running, new SavepointRequest());
        Assert.Equal(SavepointStatusKind.Completed, savepoint.Status);
        var location = savepoint.Location!;
        var root = TestClusters.StorageRootOf(Cluster);
        var corrupt = "savepoints/corrupt-copy";
        SavepointClusterTests.CopyDirectory(Path.Combine(root, location), Path.Combine(root, corrupt));
        await File.WriteAllTextAsync(Path.Combine(root, corrupt, "_metadata"), "{\"formatVersion\":2,\"kind\":");
        var flipped = "savepoints/flipped-copy"; // one byte of the sum's state changed: found by the task that restores it
        SavepointClusterTests.CopyDirectory(Path.Combine(root, location), Path.Combine(root, flipped));
        var stateFile = Directory.GetFiles(Path.Combine(root, flipped)).Where(f => Path.GetFileName(f).StartsWith("sum", StringComparison.Ordinal)).MaxBy(f => new FileInfo(f).Length)!;
        var bytes = await File.ReadAllBytesAsync(stateFile);
        bytes[bytes.Length / 2] ^= 0x5A;
        await File.WriteAllBytesAsync(stateFile, bytes);

        await AssertRefusedAsync(Spec("keyed-sum", location) with { MaxParallelism = 256 }, "maxParallelism 128");
        await AssertRefusedAsync(Spec(FailingJob.Name, location), "'sum'", "allowNonRestoredState");
        await AssertRefusedAsync(Spec("keyed-sum", "savepoints/does-not-exist"), "does-not-exist");
        await AssertRefusedAsync(Spec("keyed-sum", corrupt), "corrupt-copy");
        await AssertRefusedAsync(Spec("keyed-sum", flipped), "flipped-copy", Path.GetFileName(stateFile), "corrupt");
        await AssertRefusedAsync(Spec("keyed-sum", "../outside"), "savepointPath");
        await AssertRefusedAsync(Spec(StringSumJob.Name, location), "Operator 'sum'", "State 'sum'");

        var dropped = await Submit(Spec(FailingJob.Name, location) with { AllowNonRestoredState = true, Args = new Dictionary<string, string> { ["events"] = "1000" } });
        Assert.True(dropped.Accepted, dropped.Message); // the uid 'sum' is dropped on request
        var details = await Cluster.Client.GetGrain<IJobManagerGrain>(running).GetDetails();
        Assert.Equal((JobStatus.Running, 1), (details!.Status, details.Attempt));
        await Cluster.Client.GetGrain<IJobManagerGrain>(running).Cancel();
    }

    private static JobSpec Spec(string job, string savepointPath) => new()
    {
        JobName = job, Parallelism = 3, MaxParallelism = 128, SavepointPath = savepointPath,
        Args = new Dictionary<string, string> { ["events"] = job == FailingJob.Name ? "1000" : "0" },
    };

    private async Task<SubmitResult> Submit(JobSpec spec) =>
        await Cluster.Client.GetGrain<IJobManagerGrain>(Guid.NewGuid().ToString("N")).Submit(spec);

    private async Task AssertRefusedAsync(JobSpec spec, params string[] expected)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(spec);

        Assert.Equal(SubmitErrorKind.InvalidArgument, result.Error);
        foreach (var text in expected) Assert.True(result.Message!.Contains(text, StringComparison.Ordinal), $"\"{text}\" not in: {result.Message}");
        Assert.Null(await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).GetDetails()); // nothing was created
        Assert.DoesNotContain(jobId, await Cluster.Client.GetGrain<IJobDirectoryGrain>(0).List());
        Assert.False(Directory.Exists(Path.Combine(TestClusters.StorageRootOf(Cluster), "jobs", jobId, "job.json")));
    }
}
