using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// A storage whose streamed writes of state files (by default checkpoints' <c>…/chk-n/…</c>; those
/// <paramref name="hangs"/> accepts otherwise; never <c>_metadata</c>) never make progress: the first write into the stream waits until its cancellation token fires, then the write fails. Everything
/// else goes to the inner storage. Shared by the silos of an in-process cluster, so a test can see the cancellations.
/// </summary>
internal sealed class HangingStateWriteStorage(ICheckpointStorage inner, Func<string, bool>? hangs = null) : DelegatingCheckpointStorage(inner)
{
    private readonly Func<string, bool> _hangs = hangs ?? (path => path.Contains("/chk-", StringComparison.Ordinal));

    private int _started;
    private int _cancelled;

    /// <summary>State-file writes that started (and hang).</summary>
    public int Started => Volatile.Read(ref _started);

    /// <summary>Hanging writes whose producer was cancelled.</summary>
    public int Cancelled => Volatile.Read(ref _cancelled);

    public override Task WriteAsync(string path, Func<Stream, CancellationToken, Task> writeContent, CancellationToken cancellationToken = default)
    {
        if (!_hangs(path) || path.EndsWith("/_metadata", StringComparison.Ordinal))
            return Inner.WriteAsync(path, writeContent, cancellationToken);
        Interlocked.Increment(ref _started);
        return Inner.WriteAsync(path, (stream, token) => writeContent(new HangingStream(this), token), cancellationToken);
    }

    private sealed class HangingStream(HangingStateWriteStorage owner) : MemoryStream
    {
        public override void Write(ReadOnlySpan<byte> buffer) => throw new NotSupportedException("The snapshot writer writes asynchronously.");

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref owner._cancelled);
                throw;
            }
        }
    }
}
