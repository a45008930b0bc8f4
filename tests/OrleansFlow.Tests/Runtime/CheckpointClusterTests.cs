using OrleansFlow.Connectors;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;
using OrleansFlow.State;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Aligned-barrier checkpoints of a running job in a two-silo cluster, written to the local folder storage.</summary>
public sealed class CheckpointClusterTests : TwoSiloClusterTest
{
    [Fact]
    public async Task Checkpoint_WhenJobRuns_StateEqualsExactlyThePrefixTheSourceOffsetsRecord()
    {
        const int parallelism = 2;
        const long keys = 1000;
        var jobId = Guid.NewGuid().ToString("N");
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);
        var result = await manager.Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = "0", ["keys"] = $"{keys}", ["rate"] = "200000" },
            Checkpointing = new CheckpointingSettings { IntervalMs = 200, Retained = 2 },
        });
        Assert.True(result.Accepted, result.Message);
        var coordinator = Cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        CheckpointStats stats;
        while ((stats = await coordinator.GetStats()).Completed < 3 && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.True(stats.Completed >= 3, $"only {stats.Completed} checkpoints completed, {stats.Failed} failed: {stats.History.FirstOrDefault(h => h.FailureMessage is not null)?.FailureMessage}");
        await manager.Cancel();

        var storage = new LocalFolderCheckpointStorage(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = TestClusters.StorageRootOf(Cluster) }));
        var found = await new CompletedCheckpointStore(storage, NullLogger<CompletedCheckpointStore>.Instance).FindLatestRestorableAsync(jobId);
        var plan = Assert.IsType<RestorePlan>(found.Plan);
        Assert.Empty(found.Skipped);
        var retained = (await storage.ListAsync(StoragePaths.Job(jobId))).Where(p => p.EndsWith("/_metadata", StringComparison.Ordinal)).ToList();
        Assert.InRange(retained.Count, 1, 2); // retained = 2; older ones were deleted (the newest may be cancelled midway)

        // The keyed state in the checkpoint is exactly the events before the recorded source offsets: no more, no less.
        // Split j emits j, j + n, j + 2n, … (n = 128 splits); its offset o covers events j + k·n for k < o.
        var offsets = plan.Metadata.SourceOffsets.Where(o => o.OperatorUid == "source").ToDictionary(o => o.Split, o => o.Offset);
        Assert.Equal(GeneratorSource<long>.DefaultSplits, offsets.Count);
        const long n = GeneratorSource<long>.DefaultSplits;
        var expected = offsets.Sum(kv => kv.Value * kv.Key + n * (kv.Value * (kv.Value - 1) / 2));
        var sumOperator = plan.Metadata.Operators.Single(o => o.Uid == "sum");
        Assert.Equal(128, sumOperator.States.Sum(s => s.KeyGroups.NumberOfKeyGroups));
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        long total = 0;
        foreach (var file in sumOperator.States)
        {
            var backend = new HeapKeyedStateBackend<long>(file.KeyGroups, 128, serializer);
            var sum = backend.GetState(new ValueStateDescriptor<long>("sum"));
            await using var stream = (await storage.OpenReadAsync(CheckpointMetadata.ResolvePath(plan.MetadataFolder, file.RelativePath)))!;
            using var seekable = new MemoryStream();
            await stream.CopyToAsync(seekable);
            seekable.Position = 0;
            backend.Restore(seekable, file.KeyGroups, Assert.IsType<StateFileSectionChecksums>(file.SectionChecksums)); // the tasks' checksums, verified
            backend.ApplyToAllKeys("sum", _ => total += sum.Value);
        }
        Assert.True(expected > 0);
        Assert.Equal(expected, total);
    }

    [Fact]
    public async Task Trigger_WhenCheckpointingIsOff_TakesOneOnRequest()
    {
        var jobId = Guid.NewGuid().ToString("N");
        var manager = Cluster.Client.GetGrain<IJobManagerGrain>(jobId);
        var result = await manager.Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = 2, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = "0", ["keys"] = "10", ["rate"] = "10000" },
        });
        Assert.True(result.Accepted, result.Message);
        var coordinator = Cluster.Client.GetGrain<ICheckpointCoordinatorGrain>(jobId);

        var id = await coordinator.Trigger();

        Assert.Equal(1, id);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await coordinator.GetStats()).Completed < 1 && DateTime.UtcNow < deadline) await Task.Delay(50);
        var stats = await coordinator.GetStats();
        Assert.Equal(1, stats.Completed);
        Assert.Equal("COMPLETED", stats.History[0].Status);
        Assert.EndsWith(Path.Combine(jobId, "chk-1", "_metadata"), stats.History[0].Path);
        await manager.Cancel();
    }
}
