using OrleansFlow.Api;
using OrleansFlow.Operators;

namespace OrleansFlow.Tests.Operators;

public sealed class TwoPhaseCommitSinkOperatorTests
{
    private readonly RecordingSinkWriter _writer = new();
    private readonly RecordingSinkCommitter _committer = new();
    private readonly TwoPhaseCommitSinkOperator<string> _operator;

    public TwoPhaseCommitSinkOperatorTests() => _operator = new TwoPhaseCommitSinkOperator<string>("sink", 3, _writer, _committer);

    [Fact]
    public async Task SnapshotAsync_WhenRecordsCollected_SealsSynchronouslyAndYieldsTheTransaction()
    {
        _operator.Collect("a");
        var snapshot = _operator.SnapshotAsync(1);
        _operator.Collect("b"); // after the barrier: the next transaction
        _writer.Prepares[1].SetResult(null);

        var committables = await snapshot;

        Assert.Equal([new SinkCommittable(1, 3, "a")], committables);
    }

    [Fact]
    public async Task SnapshotAsync_WhenEarlierCheckpointNeverCompleted_CarriesItsTransactionForward()
    {
        _operator.Collect("a");
        var first = _operator.SnapshotAsync(1);
        _writer.Prepares[1].SetResult(null);
        await first; // checkpoint 1 then fails elsewhere: no commit for it
        _operator.Collect("b");
        var second = _operator.SnapshotAsync(2);
        _writer.Prepares[2].SetResult(null);

        Assert.Equal([new SinkCommittable(1, 3, "a"), new SinkCommittable(2, 3, "b")], await second);
    }

    [Fact]
    public async Task SnapshotAsync_WhenLaterPreCommitFinishesFirst_TransactionsStayInCheckpointOrder()
    {
        _operator.Collect("a");
        var first = _operator.SnapshotAsync(1);
        _operator.Collect("b");
        var second = _operator.SnapshotAsync(2);
        _writer.Prepares[2].SetResult(null);
        Assert.False(second.IsCompleted); // waits for checkpoint 1's pre-commit
        _writer.Prepares[1].SetResult(null);

        Assert.Equal([new SinkCommittable(1, 3, "a")], await first);
        Assert.Equal([new SinkCommittable(1, 3, "a"), new SinkCommittable(2, 3, "b")], await second);
    }

    [Fact]
    public async Task SnapshotAsync_WhenPreviousPreCommitFailed_FailsToo()
    {
        _operator.Collect("a");
        var first = _operator.SnapshotAsync(1);
        _operator.Collect("b");
        var second = _operator.SnapshotAsync(2);
        _writer.Prepares[1].SetException(new IOException("disk full"));
        _writer.Prepares[2].SetResult(null);

        await Assert.ThrowsAnyAsync<Exception>(() => first);
        await Assert.ThrowsAnyAsync<Exception>(() => second); // else "a" would be missing from checkpoint 2
    }

    [Fact]
    public async Task CommitAsync_WhenCheckpointCompletes_CommitsOnlyTransactionsUpToIt()
    {
        _operator.Collect("a");
        var first = _operator.SnapshotAsync(1);
        _operator.Collect("b");
        var second = _operator.SnapshotAsync(2);
        _writer.Prepares[1].SetResult(null);
        _writer.Prepares[2].SetResult(null);
        await second;

        await _operator.CommitAsync(1);
        Assert.Equal(["a"], _committer.Committed);
        await _operator.CommitAsync(1); // a duplicate notification commits nothing again
        Assert.Equal(["a"], _committer.Committed);
        await _operator.CommitAsync(2);

        Assert.Equal(["a", "b"], _committer.Committed);
        Assert.Empty(_operator.Pending);
    }

    [Fact]
    public async Task SnapshotAsync_WhenNothingCollected_StoresNoTransaction()
    {
        var snapshot = _operator.SnapshotAsync(1);
        _writer.Prepares[1].SetResult(null);

        Assert.Empty(await snapshot);
    }

    [Fact]
    public async Task RecoverAsync_WhenRestoredTransactionsGiven_CommitsThemThenDiscardsTheRest()
    {
        var scope = new SinkDiscardScope("job", "sink", 3, 4, 2);

        await _operator.RecoverAsync([new SinkCommittable(5, 7, "p7"), new SinkCommittable(5, 3, "p3")], scope);

        Assert.Equal(["p7", "p3"], _committer.Committed);
        Assert.Equal([scope], _committer.Discards);
    }

    [Theory]
    [InlineData(0, 2, 0, 1, true)]
    [InlineData(2, 2, 0, 1, true)]
    [InlineData(1, 2, 0, 1, false)]
    [InlineData(0, 2, 0, 2, false)]
    [InlineData(5, 4, 1, 1, true)]
    public void SinkDiscardScope_Owns_WhenOldSubtaskModuloParallelismIsTheSubtaskAndAttemptIsOlder(int oldSubtask, int parallelism, int subtask, int attempt, bool owns) =>
        Assert.Equal(owns, new SinkDiscardScope("job", "sink", subtask, parallelism, Attempt: 2).Owns(oldSubtask, attempt));
}
