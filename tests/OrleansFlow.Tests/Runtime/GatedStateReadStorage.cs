using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// A storage whose reads of state files (everything but <c>_metadata</c>) wait, while the gate is closed, until the
/// test opens it: a restore that takes as long as the test wants. Shared by the silos of an in-process cluster.
/// </summary>
internal sealed class GatedStateReadStorage(ICheckpointStorage inner, GatedStateReadStorage.Gate gate) : DelegatingCheckpointStorage(inner)
{
    public override async Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (!path.EndsWith("/_metadata", StringComparison.Ordinal)) await gate.PassAsync();
        return await Inner.OpenReadAsync(path, cancellationToken);
    }

    /// <summary>Open until <see cref="Close"/>; then reads wait until <see cref="Open"/>.</summary>
    public sealed class Gate
    {
        private volatile TaskCompletionSource? _closed;
        private int _waiting;

        /// <summary>Reads that waited at the closed gate.</summary>
        public int Waited => Volatile.Read(ref _waiting);

        public void Close() => _closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => Interlocked.Exchange(ref _closed, null)?.TrySetResult();

        internal Task PassAsync()
        {
            if (_closed is not { } closed) return Task.CompletedTask;
            Interlocked.Increment(ref _waiting);
            return closed.Task;
        }
    }
}
