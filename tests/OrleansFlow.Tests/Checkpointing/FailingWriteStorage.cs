using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Checkpointing;

/// <summary>
/// A storage whose stream writes fail with an <see cref="IOException"/> after reading <paramref name="failAfter"/> bytes
/// (a streamed write goes through the same failing read, as on a pull-only storage); everything else goes to
/// <paramref name="inner"/>.
/// </summary>
internal sealed class FailingWriteStorage(ICheckpointStorage inner, int failAfter) : DelegatingCheckpointStorage(inner)
{
    public override async Task WriteAsync(string path, Stream content, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[failAfter];
        await content.ReadAtLeastAsync(buffer, failAfter, throwOnEndOfStream: false, cancellationToken);
        throw new IOException("The disk is full.");
    }

    public override Task WriteAsync(string path, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default) =>
        PipedObjectWrite.WriteAsync(this, path, writeContent, cancellationToken);
}
