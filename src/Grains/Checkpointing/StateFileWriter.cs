using OrleansFlow.State;
using OrleansFlow.Storage;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// The asynchronous phase of a checkpoint for one keyed-state snapshot: serializes it on the thread pool straight into
/// the storage's write stream (<see cref="ICheckpointStorage.WriteAsync(string, Func{Stream, CancellationToken, Task}, CancellationToken)"/>),
/// checksumming the bytes on their way. The snapshot writer keeps one buffer in flight while it fills the next, so
/// serialization and I/O overlap; memory stays about two buffers whatever the state's size. Nothing runs on the
/// caller's thread (a task grain's turn) but the awaits.
/// </summary>
internal static class StateFileWriter
{
    /// <summary>
    /// Writes <paramref name="snapshot"/> as the object <paramref name="path"/> of <paramref name="storage"/>. Does not
    /// dispose the snapshot. A failure on either side fails both: the storage writes nothing (it writes atomically).
    /// </summary>
    public static async Task<WrittenStateFile> WriteAsync(ICheckpointStorage storage, string path, IKeyedStateSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(snapshot);
        WrittenStateFile? written = null;
        await Task.Run(
            () => storage.WriteAsync(path, async (stream, token) =>
            {
                var output = new ChecksummingWriteStream(stream);
                var info = await snapshot.WriteToAsync(output, token);
                written = new WrittenStateFile(info, output.Checksum);
            }, cancellationToken),
            CancellationToken.None);
        return written ?? throw new InvalidOperationException($"The storage finished writing {storage.DescribeLocation(path)} without writing the state file.");
    }
}
