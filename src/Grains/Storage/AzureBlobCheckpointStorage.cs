using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;

namespace OrleansFlow.Storage;

/// <summary>
/// <see cref="ICheckpointStorage"/> on Azure Blob Storage (or Azurite): an object is a block blob named by its path in
/// one container. Uploads are atomic (a blob becomes visible only when its block list is committed). The service
/// version is pinned to 2026-06-06, which both Azure and Azurite 3.37 accept.
/// </summary>
public sealed class AzureBlobCheckpointStorage : ICheckpointStorage
{
    private readonly BlobContainerClient _container;
    private readonly int _blockSize;
    private readonly int _maxConcurrentBlockUploads;
    private readonly long _singleUploadThreshold;
    private readonly Lock _gate = new();
    private Task? _created;

    /// <summary>Creates the storage from its options.</summary>
    public AzureBlobCheckpointStorage(IOptions<AzureBlobCheckpointStorageOptions> options)
    {
        var o = options.Value;
        var clientOptions = new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06);
        clientOptions.Retry.MaxRetries = o.MaxRetries;
        clientOptions.Retry.Delay = o.RetryDelay;
        var service = new BlobServiceClient(o.ConnectionString, clientOptions);
        _container = service.GetBlobContainerClient(o.ContainerName);
        _blockSize = o.UploadBlockSize;
        _maxConcurrentBlockUploads = o.MaxConcurrentBlockUploads;
        _singleUploadThreshold = o.SingleUploadThreshold;
    }

    /// <inheritdoc />
    public string DescribeLocation(string path) => Blob(path).Uri.ToString();

    /// <inheritdoc />
    public async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var blob = Blob(path);
        await EnsureContainerAsync();
        await blob.UploadAsync(content, overwrite: true, cancellationToken);
    }

    /// <inheritdoc />
    public async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writeContent);
        var blob = _container.GetBlockBlobClient(StoragePath.Check(path));
        await EnsureContainerAsync();
        var stream = new BlockBlobWriteStream(blob, _blockSize, _maxConcurrentBlockUploads, _singleUploadThreshold, cancellationToken);
        try
        {
            await writeContent(stream, cancellationToken);
            await stream.CompleteAsync();
        }
        catch
        {
            await stream.AbortAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public Task WriteAsync(string path, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        WriteAsync(path, new ReadOnlyMemoryStream(content), cancellationToken);

    /// <inheritdoc />
    public async Task<byte[]?> ReadAllAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            var result = await blob.DownloadContentAsync(cancellationToken);
            return result.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<long?> GetLengthAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ContentLength;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var folder = StoragePath.CheckPrefix(prefix);
        var paths = new List<string>();
        try
        {
            await foreach (var item in _container.GetBlobsAsync(new GetBlobsOptions { Prefix = folder.Length == 0 ? null : folder + "/" }, cancellationToken))
                paths.Add(item.Name);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return []; // no container yet: nothing was ever written
        }
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var blob = Blob(path);
        try
        {
            return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken cancellationToken = default)
    {
        var paths = await ListAsync(prefix, cancellationToken);
        var deleted = await Task.WhenAll(paths.Select(p => DeleteAsync(p, cancellationToken)));
        return deleted.Count(d => d);
    }

    private BlobClient Blob(string path) => _container.GetBlobClient(StoragePath.Check(path));

    private async Task EnsureContainerAsync()
    {
        Task creation;
        lock (_gate) creation = _created ??= _container.CreateIfNotExistsAsync();
        try
        {
            await creation;
        }
        catch
        {
            lock (_gate) if (_created == creation) _created = null; // a failed creation must not stick: the next write tries again
            throw;
        }
    }
}
