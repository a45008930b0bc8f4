using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OrleansFlow.Checkpointing;
using OrleansFlow.Connectors;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Stop with savepoint and drain: the sources end their input after the barrier, so end-of-input output is emitted and committed.</summary>
public sealed class DrainTests : TwoSiloClusterTest
{
    [Fact]
    public async Task Stop_WhenDrain_JobFinishesWithTheEndOfInputOutputOfExactlyTheEventsBeforeTheBarrier()
    {
        const long keys = 100;
        var output = OutputFiles.NewDirectory();
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(Cluster.Client, 2, 0, keys, 200_000, output); // unbounded
        await SavepointSteps.WaitForProgressAsync(Cluster.Client, jobId, 50_000);

        var status = await SavepointSteps.TakeAsync(Cluster.Client, jobId, new SavepointRequest { Mode = SavepointMode.StopWithSavepoint, Drain = true });
        var details = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId);

        Assert.Equal(SavepointStatusKind.Completed, status.Status);
        Assert.Equal(JobStatus.Finished, details.Status);
        var storage = new LocalFolderCheckpointStorage(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = TestClusters.StorageRootOf(Cluster) }));
        var metadata = await new CompletedCheckpointStore(storage, NullLogger<CompletedCheckpointStore>.Instance).ReadAndVerifyAsync(status.Location!);
        var expected = new Dictionary<long, long>();
        foreach (var offset in metadata.SourceOffsets) // split j emitted j, j + n, … (n = 128): offset of them before the barrier
        {
            for (long k = 0, i = offset.Split; k < offset.Offset; k++, i += GeneratorSource<long>.DefaultSplits)
                expected[i % keys] = expected.GetValueOrDefault(i % keys) + i;
        }
        Assert.Equal(expected, OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Directory.Delete(output, recursive: true);
    }
}
