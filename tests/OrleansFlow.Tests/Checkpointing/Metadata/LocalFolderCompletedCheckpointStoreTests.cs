using Microsoft.Extensions.Options;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Checkpointing.Metadata;

/// <summary>The completed-checkpoint store on a local folder.</summary>
public sealed class LocalFolderCompletedCheckpointStoreTests : CompletedCheckpointStoreContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orleansflow-metadata-" + Guid.NewGuid().ToString("N"));

    protected override ICheckpointStorage CreateStorage() =>
        new LocalFolderCheckpointStorage(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = _root, FlushToDisk = false }));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
