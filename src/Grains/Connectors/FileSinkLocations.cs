using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using OrleansFlow.Storage;

namespace OrleansFlow.Connectors;

/// <summary>
/// Turns a job argument naming an output location into a <see cref="FileSink{T}"/>: a local folder path, which must
/// be allowed by the <see cref="SinkPathPolicy"/> (<c>OrleansFlow:Sinks:AllowedDirectories</c>; a relative one goes
/// under <c>{DataDirectory}/output</c>), or <c>blob:{container}[/{prefix}]</c> for a container in the Azure storage
/// account the silo is configured with (<c>OrleansFlow:Storage:ConnectionString</c>; the same account as the
/// checkpoints, pinned to service version 2026-06-06). Jobs that take a folder from their arguments use this, so that a
/// request cannot make the silo write wherever its user can.
/// </summary>
public sealed class FileSinkLocations(IOptions<AzureBlobCheckpointStorageOptions> azure, SinkPathPolicy paths)
{
    /// <summary>The prefix of a blob location.</summary>
    public const string BlobScheme = "blob:";

    /// <summary>
    /// A sink writing to <paramref name="location"/> (a local folder resolved by the <see cref="SinkPathPolicy"/>);
    /// throws <see cref="ArgumentException"/> naming what is wrong. Creates nothing: the folder appears when a part is written.
    /// </summary>
    public FileSink<T> Create<T>(string location, Func<T, string> format)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        if (!location.StartsWith(BlobScheme, StringComparison.Ordinal)) return new FileSink<T>(paths.Resolve(location), format);
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
