using Azure.Storage.Blobs;
using Orleans.TestingHost;
using OrleansFlow.Jobs;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Savepoints in blob storage (a real Azurite): stop, copy the savepoint's blobs elsewhere, delete the original, restore at another parallelism.</summary>
[Collection("azurite")]
public sealed class AzuriteSavepointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TestClusters.StartAsync(silos: 1, azureConnectionString: azurite.ConnectionString);

    public async Task DisposeAsync()
    {
        await _cluster.StopAllSilosAsync();
        await _cluster.DisposeAsync();
    }

    [Fact]
    public async Task StopCopyRestore_WhenStorageIsBlob_RestoresFromTheRelocatedSavepointAtAnotherParallelismExactly()
    {
        const long events = 800_000, keys = 500;
        var output = OutputFiles.NewDirectory();
        var jobId = await SavepointSteps.SubmitKeyedSumAsync(_cluster.Client, 4, events, keys, 300_000, output);
        await JobWaits.WaitForAsync(_cluster.Client, jobId, d => d.Vertices.Single(v => v.Uid == "source").RecordsOut >= 100_000);
        var savepoint = await SavepointSteps.StopAsync(_cluster.Client, jobId);

        var container = new BlobServiceClient(azurite.ConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06))
            .GetBlobContainerClient(TestClusters.StorageRootOf(_cluster));
        var copied = 0;
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, savepoint + "/", CancellationToken.None))
        {
            var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content;
            await container.GetBlobClient("moved/sp/" + blob.Name[(savepoint.Length + 1)..]).UploadAsync(content);
            await container.GetBlobClient(blob.Name).DeleteAsync();
            copied++;
        }
        Assert.True(copied >= 5, $"the savepoint had {copied} blobs: _metadata and one state file per sum subtask");

        var restored = await SavepointSteps.SubmitKeyedSumAsync(_cluster.Client, 2, events, keys, 0, output, "moved/sp");
        var details = await JobWaits.WaitForTerminalAsync(_cluster.Client, restored, TimeSpan.FromSeconds(120));

        Assert.Equal(JobStatus.Finished, details.Status);
        Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), OutputFiles.ParsePairs(OutputFiles.ReadResult(output)));
        Directory.Delete(output, recursive: true);
    }
}
