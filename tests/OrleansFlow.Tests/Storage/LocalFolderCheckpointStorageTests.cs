using Microsoft.Extensions.Options;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>The storage contract on a local folder.</summary>
public sealed class LocalFolderCheckpointStorageTests : CheckpointStorageContractTests, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orleansflow-storage-" + Guid.NewGuid().ToString("N"));

    protected override ICheckpointStorage CreateStorage() =>
        new LocalFolderCheckpointStorage(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = _root }));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task WriteAsync_WhenDone_LeavesNoStagingFileAndUsesTheLayoutOnDisk()
    {
        var storage = (LocalFolderCheckpointStorage)CreateStorage();

        await storage.WriteAsync(StoragePaths.StateFile("job1", 3, "sum", 1), new byte[] { 1, 2, 3 });

        Assert.True(File.Exists(Path.Combine(_root, "jobs", "job1", "chk-3", "sum-1")));
        Assert.Empty(Directory.Exists(Path.Combine(_root, ".staging")) ? Directory.GetFiles(Path.Combine(_root, ".staging")) : []);
        Assert.Equal(Path.Combine(_root, "jobs", "job1", "chk-3", "sum-1"), storage.DescribeLocation("jobs/job1/chk-3/sum-1"));
    }
}
