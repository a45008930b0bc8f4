using OrleansFlow.KeyGroups;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Checkpointing;

/// <summary>A snapshot whose write puts <paramref name="bytesBeforeFailure"/> bytes out, then fails.</summary>
internal sealed class FailingSnapshot(int bytesBeforeFailure) : IKeyedStateSnapshot
{
    public KeyGroupRange KeyGroupRange => new(0, 127);

    public async Task<KeyedStateSnapshotInfo> WriteToAsync(Stream output, CancellationToken cancellationToken = default)
    {
        await output.WriteAsync(new byte[bytesBeforeFailure], cancellationToken);
        throw new InvalidOperationException("The serializer broke.");
    }

    public void Dispose() { }
}
