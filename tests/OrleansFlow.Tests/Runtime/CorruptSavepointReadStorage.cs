using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// A storage that flips one byte in the middle of every savepoint state file it hands out for reading (the files stay
/// intact on disk): as if the storage corrupted them between the savepoint and its restore.
/// </summary>
internal sealed class CorruptSavepointReadStorage(ICheckpointStorage inner) : DelegatingCheckpointStorage(inner)
{
    private static bool IsSavepointStateFile(string path) =>
        path.StartsWith("savepoints/", StringComparison.Ordinal) && !path.EndsWith("/_metadata", StringComparison.Ordinal);

    public override async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!IsSavepointStateFile(path)) return await Inner.OpenReadAsync(path, cancellationToken);
        return await ReadAllAsync(path, cancellationToken) is { } bytes ? new MemoryStream(bytes, writable: false) : null;
    }

    public override async Task<byte[]?> ReadAllAsync(string path, CancellationToken cancellationToken = default)
    {
        var bytes = await Inner.ReadAllAsync(path, cancellationToken);
        if (bytes is not null && IsSavepointStateFile(path)) bytes[bytes.Length / 2] ^= 0x10;
        return bytes;
    }
}
