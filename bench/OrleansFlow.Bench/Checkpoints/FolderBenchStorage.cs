using Microsoft.Extensions.Options;
using OrleansFlow.Storage;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// The local folder storage in a fresh folder under a parent folder (flush to disk on, its default). The plain
/// write is <c>FileStream.WriteAsync</c> of the buffer in 1 MiB pieces followed by <c>Flush(flushToDisk: true)</c>, into
/// a sibling folder on the same file system. (One <c>WriteAsync</c> of the whole buffer measured 2–4× slower in this
/// process than pieces, while a standalone program wrote at the same speed either way; the pieces are the kinder
/// baseline for the storage.) The plain read is <c>FileStream.ReadAsync</c> to the end in 1 MiB pieces (a file just
/// written is usually still in the page cache, as a savepoint is when a rescale restores it).
/// </summary>
public sealed class FolderBenchStorage : BenchStorage
{
    private const int ChunkSize = 1 << 20;
    private readonly string _root;
    private readonly string _plainFolder;

    /// <summary>Creates the folders.</summary>
    public FolderBenchStorage(string parent)
    {
        var folder = Path.Combine(parent, "folder-" + Guid.NewGuid().ToString("N"));
        _root = Path.Combine(folder, "storage");
        _plainFolder = Path.Combine(folder, "plain");
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_plainFolder);
        CheckpointStorage = new LocalFolderCheckpointStorage(Options.Create(new LocalFolderCheckpointStorageOptions { RootDirectory = _root }));
    }

    /// <inheritdoc />
    public override StorageKind Kind => StorageKind.Folder;

    /// <inheritdoc />
    public override ICheckpointStorage CheckpointStorage { get; }

    /// <inheritdoc />
    public override void Configure(ISiloBuilder silo) => silo.AddOrleansFlowLocalStorage(o => o.RootDirectory = _root);

    /// <inheritdoc />
    public override async Task WritePlainAsync(string name, ReadOnlyMemory<byte> data)
    {
        await using var file = new FileStream(Path.Combine(_plainFolder, name), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        for (var offset = 0; offset < data.Length; offset += ChunkSize)
            await file.WriteAsync(data.Slice(offset, Math.Min(ChunkSize, data.Length - offset)));
        file.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public override async Task<long> ReadPlainAsync(string name)
    {
        await using var file = new FileStream(Path.Combine(_plainFolder, name), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var buffer = new byte[ChunkSize];
        long total = 0;
        int read;
        while ((read = await file.ReadAsync(buffer)) > 0) total += read;
        return total;
    }

    /// <inheritdoc />
    public override Task DeletePlainAsync(string name)
    {
        File.Delete(Path.Combine(_plainFolder, name));
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        var folder = Path.GetDirectoryName(_root)!;
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
