using Microsoft.Extensions.Options;
using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Jobs;

/// <summary><c>job.json</c> round trips on the local folder storage.</summary>
public sealed class JobStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "orleansflow-jobstore-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task LoadAsync_WhenSavedWithSavepointOperations_ReadsThemBackEqual()
    {
        var store = new JobStore(new LocalFolderCheckpointStorage(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = _root })));
        var operations = new SavepointOperations();
        operations.Started("rescale", 4, SavepointMode.Rescale, drain: false, parallelism: 3);
        operations.Completed(4, "savepoints/savepoint-abc");
        operations.Rescaled("rescale", TimeSpan.FromMilliseconds(1234));
        operations.Started("pending", 5, SavepointMode.Savepoint, drain: false);
        var record = new JobRecord
        {
            JobId = "j1",
            Spec = new JobSpec { JobName = "keyed-sum", Parallelism = 3, MaxParallelism = 128 },
            Status = JobStatus.Running,
            Attempt = 2,
            Savepoints = operations.Recent(20),
        };

        await store.SaveAsync(record);
        var loaded = await store.LoadAsync("j1");

        Assert.NotNull(loaded?.Savepoints);
        Assert.Equal(record.Savepoints, loaded.Savepoints);
        Assert.Equal(TimeSpan.FromMilliseconds(1234), loaded.Savepoints[0].Downtime);
        Assert.Equal(SavepointStatusKind.InProgress, loaded.Savepoints[1].Status);
    }
}
