using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Checkpointing;

public sealed class CheckpointRetentionTests
{
    private static CompletedCheckpoint Checkpoint(long id, params string[] files) => new(
        id, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, $"chk-{id}/_metadata",
        [new TaskCheckpointAck
        {
            Task = new TaskId("j", 0, 0),
            CheckpointId = id,
            State = files.Select(f => new StateHandle { OperatorUid = "op", Path = f, KeyGroups = new KeyGroupRange(0, 0), Checksum = "x" }).ToList(),
        }]);

    [Fact]
    public void Decide_WhenAFileIsSharedWithAKeptCheckpoint_KeepsThatFile()
    {
        var completed = new[] { Checkpoint(1, "shared/a", "chk-1/b"), Checkpoint(2, "shared/a", "chk-2/c") };

        var (kept, dropped, files) = CheckpointRetention.Decide(completed, retained: 1);

        Assert.Equal([2L], kept.Select(c => c.Id));
        Assert.Equal([1L], dropped.Select(c => c.Id));
        Assert.Equal(["chk-1/_metadata", "chk-1/b"], files);
    }

    [Fact]
    public void Decide_WhenWithinRetained_DropsNothing()
    {
        var (kept, dropped, files) = CheckpointRetention.Decide([Checkpoint(1, "a"), Checkpoint(2, "b")], retained: 3);

        Assert.Equal(2, kept.Count);
        Assert.Empty(dropped);
        Assert.Empty(files);
    }
}
