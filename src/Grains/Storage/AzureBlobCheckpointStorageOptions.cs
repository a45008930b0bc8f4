namespace OrleansFlow.Storage;

/// <summary>Settings of <see cref="AzureBlobCheckpointStorage"/>.</summary>
public sealed class AzureBlobCheckpointStorageOptions
{
    /// <summary>The storage account's connection string (Azure, or Azurite's <c>UseDevelopmentStorage=true</c> form).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob container that holds <c>jobs/</c> and <c>savepoints/</c>; created when missing. Default <c>orleansflow</c>.</summary>
    public string ContainerName { get; set; } = "orleansflow";

    /// <summary>How often a failed request is retried (exponential back-off from <see cref="RetryDelay"/>). Default 3.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry's delay. Default 0.8 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>
    /// Bytes per block when a state file is streamed into a blob (Put Block, then one Put Block List); an object smaller
    /// than a block is one Put Blob. Default 4 MiB, at most 1 GiB (memory: blocks in flight + 1 per write); a blob holds at most 50,000 blocks.
    /// </summary>
    public int UploadBlockSize { get; set; } = 4 << 20;

    /// <summary>How many blocks of one streamed write upload at a time while the next one fills. Default 4.</summary>
    public int MaxConcurrentBlockUploads { get; set; } = 4;

    /// <summary>
    /// A streamed write of at most this many bytes is held in memory and sent as one Put Blob; a larger one is staged in
    /// blocks as it is written. Default 256 MiB (the Azure SDK's initial transfer size for content of known length);
    /// 0 stages every streamed write. At most 1 GiB.
    /// </summary>
    public long SingleUploadThreshold { get; set; } = 256L << 20;
}
