namespace OrleansFlow.Bench.Checkpoints;

/// <summary>The checkpoint storages the checkpoint benchmarks run on (<c>--storage folder,azurite</c>).</summary>
public enum StorageKind
{
    /// <summary><c>LocalFolderCheckpointStorage</c> in a temporary folder (flushed to disk, the default setting).</summary>
    Folder,

    /// <summary><c>AzureBlobCheckpointStorage</c> on an Azurite the bench starts itself.</summary>
    Azurite,
}
