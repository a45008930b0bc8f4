using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;
using OrleansFlow.Connectors;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Connectors;

/// <summary>The file sink's two-phase commit in a blob container of a real Azurite.</summary>
[Collection("azurite")]
public sealed class BlobFileSinkTests(AzuriteFixture azurite) : FileSinkContractTests
{
    private const string Prefix = "out/run-1/";
    private readonly BlobContainerClient _container = new BlobServiceClient(
        azurite.ConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06)).GetBlobContainerClient("sink" + Guid.NewGuid().ToString("N"));

    protected override FileSink<string> CreateSink() => FileSink<string>.ToBlobContainer(_container, Prefix, s => s);

    protected override async Task<IReadOnlyList<string>> VisiblePartsAsync()
    {
        if (!await _container.ExistsAsync()) return [];
        var names = new List<string>();
        await foreach (var blob in _container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, Prefix, CancellationToken.None)) names.Add(blob.Name[Prefix.Length..]);
        return names.Where(n => n.StartsWith("part-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
    }

    protected override async Task<IReadOnlyList<string>> VisibleLinesAsync()
    {
        var lines = new List<string>();
        foreach (var name in await VisiblePartsAsync())
        {
            var content = (await _container.GetBlobClient(Prefix + name).DownloadContentAsync()).Value.Content.ToString();
            lines.AddRange(content.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        return lines;
    }

    /// <summary>
    /// Uncommitted blocks expire (after a week on Azure); Azurite keeps them, so the test commits a block list that
    /// names blocks which were never staged, which is what the service sees once they expired.
    /// </summary>
    protected override Task<string> LosePreCommittedDataAsync(string partName, string payload) =>
        Task.FromResult($"{partName}/{int.Parse(payload[(payload.LastIndexOf('/') + 1)..]) + 2}");
}
