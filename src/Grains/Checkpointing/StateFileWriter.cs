using System.IO.Pipelines;
using OrleansFlow.State;
using OrleansFlow.Storage;

namespace OrleansFlow.Checkpointing;

/// <summary>
/// The asynchronous phase of a checkpoint for one keyed-state snapshot: serializes it on the thread pool into a pipe
/// that the storage reads as the state file's content, checksumming the bytes on their way. Memory stays about the
/// pipe's window plus the snapshot writer's buffer, whatever the state's size; nothing runs on the caller's thread
/// (a task grain's turn) but the awaits.
/// </summary>
internal static class StateFileWriter
{
    private const long PauseWriterThreshold = 4L << 20;
    private const long ResumeWriterThreshold = 2L << 20;

    /// <summary>
    /// Writes <paramref name="snapshot"/> as the object <paramref name="path"/> of <paramref name="storage"/>. Does not
    /// dispose the snapshot. A failure on either side fails both: the storage writes nothing (it writes atomically).
    /// </summary>
    public static async Task<WrittenStateFile> WriteAsync(ICheckpointStorage storage, string path, IKeyedStateSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(snapshot);
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: PauseWriterThreshold, resumeWriterThreshold: ResumeWriterThreshold, useSynchronizationContext: false));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var produce = Task.Run(() => ProduceAsync(snapshot, pipe.Writer, failed), CancellationToken.None);
        var consume = Task.Run(() => ConsumeAsync(storage, path, pipe.Reader, failed), CancellationToken.None);
        // A failure of the storage stops the serialization with the storage's exception or a cancellation, and a failure
        // of the serialization fails the storage's read with the serialization's exception: either way the root cause
        // is the exception thrown here (a fault wins over a cancellation).
        await Task.WhenAll(produce, consume);
        return await produce;
    }

    private static async Task<WrittenStateFile> ProduceAsync(IKeyedStateSnapshot snapshot, PipeWriter writer, CancellationTokenSource failed)
    {
        try
        {
            var output = new ChecksummingWriteStream(writer.AsStream(leaveOpen: true));
            var info = await snapshot.WriteToAsync(output, failed.Token);
            await writer.CompleteAsync();
            return new WrittenStateFile(info, output.Checksum);
        }
        catch (Exception ex)
        {
            await writer.CompleteAsync(ex); // the storage's read fails with it, so nothing is written
            throw;
        }
    }

    private static async Task ConsumeAsync(ICheckpointStorage storage, string path, PipeReader reader, CancellationTokenSource failed)
    {
        try
        {
            await storage.WriteAsync(path, reader.AsStream(leaveOpen: true), failed.Token);
            var rest = await reader.ReadAsync(failed.Token);
            if (!rest.IsCompleted || !rest.Buffer.IsEmpty)
                throw new InvalidOperationException($"The storage finished writing {storage.DescribeLocation(path)} before the end of the state file.");
            await reader.CompleteAsync();
        }
        catch (Exception ex)
        {
            await failed.CancelAsync(); // stop serializing what cannot be stored
            await reader.CompleteAsync(ex);
            throw;
        }
    }
}
