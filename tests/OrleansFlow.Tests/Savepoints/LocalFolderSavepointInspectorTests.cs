using Microsoft.Extensions.Options;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>The savepoint inspector on a local folder.</summary>
public sealed class LocalFolderSavepointInspectorTests : SavepointInspectorContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orleansflow-savepoints-" + Guid.NewGuid().ToString("N"));

    protected override ICheckpointStorage CreateStorage() =>
        new LocalFolderCheckpointStorage(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = _root, FlushToDisk = false }));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
