using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Checkpointing;

/// <summary>Savepoints in the coordinator's state machine: triggered on demand, never retained, subsumed or deleted with checkpoints.</summary>
public sealed class CheckpointCoordinatorSavepointTests
{
    private static readonly TaskId[] Tasks = [new("job", 0, 0), new("job", 1, 0)];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));

    private CheckpointCoordinatorCore Create(int retained = 1) =>
        new(new CheckpointingSettings { IntervalMs = 100, MaxConcurrent = 1, Retained = retained }, Tasks, _clock);

    private static void AckAll(CheckpointCoordinatorCore core, long id, string folder)
    {
        foreach (var t in Tasks)
        {
            core.Acknowledge(new TaskCheckpointAck
            {
                Task = t, CheckpointId = id,
                State = [new StateHandle { OperatorUid = "sum", Path = $"{folder}/sum-{t.Subtask}", KeyGroups = new KeyGroupRange(0, 1), Size = 10, Checksum = "c" }],
            });
        }
    }

    [Fact]
    public void TriggerSavepoint_WhenMaxConcurrentCheckpointsInProgress_TriggersAnyway()
    {
        var core = Create();
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var checkpoint = core.TryTrigger(false)!;

        var savepoint = core.TriggerSavepoint(CheckpointOptions.Savepoint("savepoints/sp-1", stopSources: false));

        Assert.Equal(checkpoint.Id + 1, savepoint.Id);
        Assert.True(savepoint.Options.IsSavepoint);
        Assert.Equal(2, core.Counts.InProgress);
    }

    [Fact]
    public void TryTrigger_WhenOnlyASavepointIsPending_PeriodicCheckpointStillTriggers()
    {
        var core = Create();
        core.TriggerSavepoint(CheckpointOptions.Savepoint("savepoints/sp-1", stopSources: false));
        _clock.Advance(TimeSpan.FromMilliseconds(100));

        Assert.NotNull(core.TryTrigger(false));
    }

    [Fact]
    public void MarkCompleted_WhenSavepoint_IsCountedButNeverRetainedNorDeleted()
    {
        var core = Create(retained: 1);
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var checkpoint = core.TryTrigger(false)!;
        AckAll(core, checkpoint.Id, $"jobs/job/chk-{checkpoint.Id}");
        core.MarkCompleted(checkpoint.Id, $"jobs/job/chk-{checkpoint.Id}/_metadata");
        var savepoint = core.TriggerSavepoint(CheckpointOptions.Savepoint("savepoints/sp-1", stopSources: false));
        AckAll(core, savepoint.Id, "savepoints/sp-1");

        var (completed, subsumed, dropped, files) = core.MarkCompleted(savepoint.Id, "savepoints/sp-1/_metadata");

        Assert.True(completed.IsSavepoint);
        Assert.Empty(subsumed);
        Assert.Empty(dropped);
        Assert.Empty(files);
        Assert.Equal([checkpoint.Id], core.Completed.Select(c => c.Id)); // the checkpoint stays the retained one
        Assert.Equal(2, core.Counts.Completed);
        Assert.True(core.History[0].IsSavepoint);

        _clock.Advance(TimeSpan.FromMilliseconds(200));
        var next = core.TryTrigger(false)!;
        AckAll(core, next.Id, $"jobs/job/chk-{next.Id}");
        var (_, _, droppedLater, filesLater) = core.MarkCompleted(next.Id, $"jobs/job/chk-{next.Id}/_metadata");

        Assert.Equal([checkpoint.Id], droppedLater.Select(d => d.Id)); // retention drops checkpoints only
        Assert.DoesNotContain(filesLater, f => f.StartsWith("savepoints/", StringComparison.Ordinal));
    }

    [Fact]
    public void MarkCompleted_WhenNewerCheckpointCompletesFirst_DoesNotSubsumeAPendingSavepoint()
    {
        var core = Create();
        var savepoint = core.TriggerSavepoint(CheckpointOptions.Savepoint("savepoints/sp-1", stopSources: true));
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var checkpoint = core.TryTrigger(false)!;
        AckAll(core, checkpoint.Id, $"jobs/job/chk-{checkpoint.Id}");

        var (_, subsumed, _, _) = core.MarkCompleted(checkpoint.Id, $"jobs/job/chk-{checkpoint.Id}/_metadata");

        Assert.Empty(subsumed);
        Assert.Contains(core.Pending, p => p.Id == savepoint.Id);
    }

    [Fact]
    public void TriggerSavepoint_WhenNoTargetFolder_Throws() =>
        Assert.Throws<ArgumentException>(() => Create().TriggerSavepoint(new CheckpointOptions { IsSavepoint = true }));
}
