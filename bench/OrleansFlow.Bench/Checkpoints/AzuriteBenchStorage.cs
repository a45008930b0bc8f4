using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using OrleansFlow.Storage;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// The Azure Blob storage in a fresh container of a running <see cref="AzuriteServer"/>. The plain write is one
/// <c>BlobClient.UploadAsync(BinaryData, overwrite: true)</c> with the SDK's default transfer options and the same
/// pinned service version (2026-06-06) as the product; the plain read is one <c>BlobClient.DownloadContentAsync</c>.
/// </summary>
public sealed class AzuriteBenchStorage : BenchStorage
{
    private readonly AzuriteServer _server;
    private readonly string _container;
    private readonly BlobContainerClient _plain;

    private AzuriteBenchStorage(AzuriteServer server, string container, BlobContainerClient plain)
    {
        _server = server;
        _container = container;
        _plain = plain;
        CheckpointStorage = new AzureBlobCheckpointStorage(Options.Create(Settings(new AzureBlobCheckpointStorageOptions())));
    }

    /// <summary>Creates a container of its own on <paramref name="server"/>.</summary>
    public static async Task<AzuriteBenchStorage> CreateAsync(AzuriteServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var container = "bench" + Guid.NewGuid().ToString("N");
        var service = new BlobServiceClient(server.ConnectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
        var plain = service.GetBlobContainerClient(container);
        await plain.CreateIfNotExistsAsync();
        return new AzuriteBenchStorage(server, container, plain);
    }

    /// <inheritdoc />
    public override StorageKind Kind => StorageKind.Azurite;

    /// <inheritdoc />
    public override ICheckpointStorage CheckpointStorage { get; }

    /// <inheritdoc />
    public override TimeSpan? ServerCpuTime => _server.CpuTime;

    /// <inheritdoc />
    public override void Configure(ISiloBuilder silo) => silo.AddOrleansFlowAzureBlobStorage(o => Settings(o));

    /// <inheritdoc />
    public override async Task WritePlainAsync(string name, ReadOnlyMemory<byte> data) =>
        await _plain.GetBlobClient("plain/" + name).UploadAsync(BinaryData.FromBytes(data), overwrite: true);

    /// <inheritdoc />
    public override async Task<long> ReadPlainAsync(string name)
    {
        var content = await _plain.GetBlobClient("plain/" + name).DownloadContentAsync();
        return content.Value.Content.ToMemory().Length;
    }

    /// <inheritdoc />
    public override async Task DeletePlainAsync(string name) =>
        await _plain.GetBlobClient("plain/" + name).DeleteIfExistsAsync();

    /// <inheritdoc />
    public override async ValueTask DisposeAsync() => await _plain.DeleteIfExistsAsync();

    private AzureBlobCheckpointStorageOptions Settings(AzureBlobCheckpointStorageOptions options)
    {
        options.ConnectionString = _server.ConnectionString;
        options.ContainerName = _container;
        return options;
    }
}
