using OrleansFlow.Api;

namespace OrleansFlow.Connectors;

/// <summary>Commits and discards the parts of a <see cref="FileSink{T}"/>.</summary>
internal sealed class FileSinkCommitter(IPartFileTarget target) : ISinkCommitter
{
    public async Task CommitAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        foreach (var payload in payloads) await target.CommitAsync(payload, cancellationToken);
    }

    public Task DiscardUncommittedAsync(SinkDiscardScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return target.DiscardAsync(scope, cancellationToken);
    }
}
