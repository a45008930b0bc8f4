using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Runtime;

/// <summary>A coordinator activated for a job that already has checkpoints (its silo was lost) takes over the old folders.</summary>
public sealed class CheckpointTakeoverTests : TwoSiloClusterTest
{
    [Fact]
    public async Task Start_WhenCoordinatorIsNewAndOldFoldersExist_DeletesUnfinishedOnesNeverReusesIdsAndRetiresTheRest()
    {
        const long events = 2_000_000, keys = 500;
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["rate"] = "400000", ["output"] = output },
            Checkpointing = new CheckpointingSettings { IntervalMs = 100, Retained = 2 },
            RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
        });
        Assert.True(result.Accepted, result.Message);
        var coordinator = Cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await coordinator.GetStats()).Completed < 3 && DateTime.UtcNow < deadline) await Task.Delay(20);
        var before = (await coordinator.GetStats()).History.Max(h => h.Id);
        var jobFolder = Path.Combine(TestClusters.StorageRootOf(Cluster), "jobs", jobId);
        var unfinished = Path.Combine(jobFolder, $"chk-{before + 40}"); // as a crash in the middle of writing a checkpoint leaves it
        Directory.CreateDirectory(unfinished);
        await File.WriteAllTextAsync(Path.Combine(unfinished, "sum-0"), "half-written");
        var oldFolders = Directory.GetDirectories(jobFolder, "chk-*").Select(Path.GetFileName).Where(n => n != $"chk-{before + 40}").ToList();

        await Cluster.DeactivateAsync(coordinator); // the coordinator's activation is lost …
        await Cluster.DeactivateAsync(Cluster.Client.GetGrain<ITaskGrain>(new TaskId(jobId, 1, 0).ToGrainKey())); // … and the job restarts
        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        var stats = await coordinator.GetStats();
        Assert.False(Directory.Exists(unfinished), "the unfinished folder of the lost coordinator must be deleted");
        Assert.All(stats.History, h => Assert.True(h.Id > before + 40, $"checkpoint id {h.Id} reuses an id the lost coordinator had used"));
        Assert.True(stats.Completed >= 2, $"the restarted job completed only {stats.Completed} checkpoints"); // its retained number: …
        Assert.Empty( // … so the old folders are retired
            Directory.GetDirectories(jobFolder, "chk-*").Select(Path.GetFileName).Intersect(oldFolders));
        Directory.Delete(output, recursive: true);
    }
}
