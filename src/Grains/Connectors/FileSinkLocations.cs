using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using OrleansFlow.Storage;

namespace OrleansFlow.Connectors;

/// <summary>
/// Turns a job argument naming an output location into a <see cref="FileSink{T}"/>: a local folder path, or
/// <c>blob:{container}[/{prefix}]</c> for a container in the Azure storage account the silo is configured with
/// (<c>OrleansFlow:Storage:ConnectionString</c>; the same account as the checkpoints, pinned to service version
/// 2026-06-06).
/// </summary>
public sealed class FileSinkLocations(IOptions<AzureBlobCheckpointStorageOptions> azure)
{
    /// <summary>The prefix of a blob location.</summary>
    public const string BlobScheme = "blob:";

    /// <summary>A sink writing to <paramref name="location"/>; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public FileSink<T> Create<T>(string location, Func<T, string> format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!location.StartsWith(BlobScheme, StringComparison.Ordinal)) return new FileSink<T>(location, format);
        var path = location[BlobScheme.Length..].Trim('/');
        var slash = path.IndexOf('/');
        var container = slash < 0 ? path : path[..slash];
        var prefix = slash < 0 ? "" : path[(slash + 1)..];
        if (container.Length == 0) throw new ArgumentException($"Output '{location}' names no container: use blob:{{container}}[/{{prefix}}].");
        var connectionString = azure.Value.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new ArgumentException($"Output '{location}' is in blob storage, but this silo has no Azure storage connection string (OrleansFlow:Storage:ConnectionString).");
        var client = new BlobServiceClient(connectionString, new BlobClientOptions(BlobClientOptions.ServiceVersion.V2026_06_06));
        return FileSink<T>.ToBlobContainer(client.GetBlobContainerClient(container), prefix, format);
    }
}
