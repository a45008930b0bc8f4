using System.IO.Pipelines;

namespace OrleansFlow.Storage;

/// <summary>
/// Connects a producer that writes an object (push) to <see cref="ICheckpointStorage.WriteAsync(string, Stream, CancellationToken)"/>,
/// which reads it (pull), through a pipe: the producer runs on the thread pool and the storage reads as it writes. Memory
/// stays about the pipe's window. A failure on either side fails both: the storage writes nothing.
/// </summary>
public static class PipedObjectWrite
{
    private const long PauseWriterThreshold = 4L << 20;
    private const long ResumeWriterThreshold = 2L << 20;
    private const int SegmentSize = 1 << 16;

    /// <summary>Writes the object <paramref name="path"/> of <paramref name="storage"/> with what <paramref name="writeContent"/> writes.</summary>
    public static async Task WriteAsync(ICheckpointStorage storage, string path, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(writeContent);
        var pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: PauseWriterThreshold, resumeWriterThreshold: ResumeWriterThreshold, minimumSegmentSize: SegmentSize, useSynchronizationContext: false));
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var produce = Task.Run(() => ProduceAsync(writeContent, pipe.Writer, failed), CancellationToken.None);
        var consume = Task.Run(() => ConsumeAsync(storage, path, pipe.Reader, failed), CancellationToken.None);
        // A failure of the storage stops the producer with the storage's exception or a cancellation, and a failure of
        // the producer fails the storage's read with the producer's exception: either way the root cause is the
        // exception thrown here (a fault wins over a cancellation).
        await Task.WhenAll(produce, consume);
    }

    private static async Task ProduceAsync(Func<Stream, CancellationToken, Task> writeContent, PipeWriter writer, CancellationTokenSource failed)
    {
        try
        {
            await using (var stream = writer.AsStream(leaveOpen: true)) await writeContent(stream, failed.Token);
            await writer.CompleteAsync();
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
                throw new InvalidOperationException($"The storage finished writing {storage.DescribeLocation(path)} before the end of the object.");
            await reader.CompleteAsync();
        }
        catch (Exception ex)
        {
            await failed.CancelAsync(); // stop producing what cannot be stored
            await reader.CompleteAsync(ex);
            throw;
        }
    }
}
