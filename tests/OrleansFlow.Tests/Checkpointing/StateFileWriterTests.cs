using Microsoft.Extensions.Options;
using OrleansFlow.Checkpointing;
using OrleansFlow.Storage;
using OrleansFlow.Tests.State;

namespace OrleansFlow.Tests.Checkpointing;

/// <summary>The asynchronous phase of a checkpoint: a keyed-state snapshot streamed into a state file of a local folder.</summary>
public sealed class StateFileWriterTests : IDisposable
{
    private const string Path = "jobs/job1/chk-7/sum-0";
    private readonly string _root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orleansflow-statefile-" + Guid.NewGuid().ToString("N"));
    private readonly ICheckpointStorage _storage;

    public StateFileWriterTests() =>
        _storage = new LocalFolderCheckpointStorage(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = _root }));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task WriteAsync_WhenStateChangesMeanwhile_StoresTheStateAtBeginWithItsChecksumAndIndex()
    {
        var states = new AllStateKinds();
        states.Fill(0, 30_000); // several megabytes: more than the pipe's window
        var atBegin = states.Dump();
        using var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);

        var writing = StateFileWriter.WriteAsync(_storage, Path, snapshot);
        states.MutateAll(0, 30_000);
        var file = await writing;

        var bytes = (await _storage.ReadAllAsync(Path))!;
        Assert.Equal(StateFileChecksum.Compute(bytes), file.Checksum);
        Assert.Equal(bytes.Length, file.Info.TotalBytes);
        Assert.Equal(128, file.Info.Offsets.Length);
        for (var i = 1; i < file.Info.Offsets.Length; i++) Assert.Equal(file.Info.Offsets[i - 1] + file.Info.Lengths[i - 1], file.Info.Offsets[i]);
        Assert.Equal(atBegin, AllStateKinds.Restore(bytes).Dump());
    }

    [Fact]
    public async Task WriteAsync_WhenStorageFails_ThrowsItsErrorAndStopsSerializing()
    {
        var states = new AllStateKinds();
        states.Fill(0, 30_000);
        using var snapshot = states.Backend.BeginSnapshot(states.Backend.KeyGroupRange);

        var error = await Assert.ThrowsAsync<IOException>(() => StateFileWriter.WriteAsync(new FailingWriteStorage(_storage, 1000), Path, snapshot));

        Assert.Equal("The disk is full.", error.Message);
        Assert.Null(await _storage.ReadAllAsync(Path));
    }

    [Fact]
    public async Task WriteAsync_WhenSerializationFails_ThrowsItsErrorAndStoresNothing()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StateFileWriter.WriteAsync(_storage, Path, new FailingSnapshot(100_000)));

        Assert.Equal("The serializer broke.", error.Message);
        Assert.Null(await _storage.ReadAllAsync(Path));
        Assert.Empty(await _storage.ListAsync(""));
    }
}
