namespace OrleansFlow.Storage;

/// <summary>Settings of <see cref="LocalFolderCheckpointStorage"/>.</summary>
public sealed class LocalFolderCheckpointStorageOptions
{
    /// <summary>The folder that holds <c>jobs/</c> and <c>savepoints/</c>. Default <c>data</c> (relative to the working directory).</summary>
    public string RootDirectory { get; set; } = "data";

    /// <summary>Whether writes are flushed to the disk before they become visible (durability across a machine crash). Default true.</summary>
    public bool FlushToDisk { get; set; } = true;
}
