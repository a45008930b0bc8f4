using OrleansFlow.Api;

namespace OrleansFlow.Tests.Operators;

internal sealed class RecordingSinkCommitter : ISinkCommitter
{
    public List<string> Committed { get; } = [];

    public List<SinkDiscardScope> Discards { get; } = [];

    public Task CommitAsync(IReadOnlyList<string> payloads, CancellationToken cancellationToken = default)
    {
        Committed.AddRange(payloads);
        return Task.CompletedTask;
    }

    public Task DiscardUncommittedAsync(SinkDiscardScope scope, CancellationToken cancellationToken = default)
    {
        Assert.Empty(Discards); // discarded once, after the commits
        Discards.Add(scope);
        return Task.CompletedTask;
    }
}
