using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Checkpointing;

/// <summary>The coordinator's state machine step by step, with an injected clock (no sleeping, no I/O).</summary>
public sealed class CheckpointCoordinatorCoreTests
{
    private static readonly TaskId Source = new("job", 0, 0);
    private static readonly TaskId Sum0 = new("job", 1, 0);
    private static readonly TaskId Sum1 = new("job", 1, 1);
    private static readonly TaskId[] Tasks = [Source, Sum0, Sum1];

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    private CheckpointCoordinatorCore Create(CheckpointingSettings settings) => new(settings, Tasks, _clock);

    private static TaskCheckpointAck Ack(TaskId task, long id, params string[] files) => new()
    {
        Task = task,
        CheckpointId = id,
        State = files.Select(f => new StateHandle { OperatorUid = "sum", Path = f, KeyGroups = new KeyGroupRange(0, 1), Size = 100, Checksum = "c" }).ToList(),
    };

    private static void AckAll(CheckpointCoordinatorCore core, long id)
    {
        foreach (var t in Tasks) core.Acknowledge(Ack(t, id, $"jobs/job/chk-{id}/{t.Vertex}-{t.Subtask}"));
    }

    [Fact]
    public void TryTrigger_WhenIntervalNotElapsed_WaitsUntilIntervalAfterStart()
    {
        var core = Create(new CheckpointingSettings { IntervalMs = 1000 });

        Assert.Null(core.TryTrigger(requested: false));
        Assert.Equal(new TriggerDecision(TriggerDecisionKind.Wait, _clock.GetUtcNow().AddSeconds(1)), core.Decide(false));

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Null(core.TryTrigger(false));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var first = core.TryTrigger(false);

        Assert.NotNull(first);
        Assert.Equal(1, first.Id);
        Assert.Equal(3, first.ExpectedCount);
    }

    [Fact]
    public void TryTrigger_WhenMaxConcurrentInProgress_RefusesEvenOnRequestUntilOneEnds()
    {
        var core = Create(new CheckpointingSettings { IntervalMs = 100, MaxConcurrent = 1 });
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var first = core.TryTrigger(false)!;

        _clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TriggerDecisionKind.TooManyInProgress, core.Decide(requested: true).Kind);
        Assert.Null(core.TryTrigger(true));

        AckAll(core, first.Id);
        core.MarkCompleted(first.Id, "jobs/job/chk-1/_metadata");
        Assert.Equal(2, core.TryTrigger(false)!.Id);
    }

    [Fact]
    public void TryTrigger_WhenIntervalIsZero_OnlyRequestedCheckpointsStart()
    {
        var core = Create(CheckpointingSettings.Default);
        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(TriggerDecisionKind.Disabled, core.Decide(false).Kind);
        Assert.Null(core.TryTrigger(false));
        Assert.Equal(1, core.TryTrigger(requested: true)!.Id);
    }

    [Fact]
    public void TryTrigger_WhenMinPauseLongerThanInterval_WaitsMinPauseAfterTheLastEnd()
    {
        var core = Create(new CheckpointingSettings { IntervalMs = 100, MinPauseMs = 500 });
        _clock.Advance(TimeSpan.FromMilliseconds(100));
        var first = core.TryTrigger(false)!;
        _clock.Advance(TimeSpan.FromMilliseconds(300));
        AckAll(core, first.Id);
        core.MarkCompleted(first.Id, "m");
        var end = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromMilliseconds(499));
        Assert.Equal(new TriggerDecision(TriggerDecisionKind.Wait, end.AddMilliseconds(500)), core.Decide(false));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.NotNull(core.TryTrigger(false));
    }

    [Fact]
    public void Acknowledge_WhenAcksArrive_AcceptsIgnoresDuplicatesAndStrangersThenReportsAllAcknowledged()
    {
        var core = Create(CheckpointingSettings.Default);
        var pending = core.TryTrigger(true)!;

        Assert.Equal(AckResultKind.Accepted, core.Acknowledge(Ack(Source, pending.Id)));
        Assert.Equal(AckResultKind.Duplicate, core.Acknowledge(Ack(Source, pending.Id)));
        Assert.Equal(AckResultKind.UnexpectedTask, core.Acknowledge(Ack(new TaskId("job", 9, 9), pending.Id)));
        Assert.Equal(AckResultKind.NotPending, core.Acknowledge(Ack(Sum0, 42)));
        Assert.Equal(AckResultKind.Accepted, core.Acknowledge(Ack(Sum0, pending.Id)));
        Assert.Throws<InvalidOperationException>(() => core.MarkCompleted(pending.Id, "m")); // not every task yet
        Assert.Equal(AckResultKind.AllAcknowledged, core.Acknowledge(Ack(Sum1, pending.Id)));

        var (completed, subsumed, dropped, files) = core.MarkCompleted(pending.Id, "jobs/job/chk-1/_metadata");

        Assert.Equal(1, completed.Id);
        Assert.Equal("jobs/job/chk-1/_metadata", core.LatestCompleted!.MetadataPath);
        Assert.Empty(subsumed);
        Assert.Empty(dropped);
        Assert.Empty(files);
        Assert.Equal(new CheckpointCounts(1, 0, 1, 0, 0), core.Counts);
    }

    [Fact]
    public void AbortTimedOut_WhenTimeoutReached_AbortsAndALateAckIsNotPending()
    {
        var core = Create(new CheckpointingSettings { TimeoutMs = 1000, TolerableFailures = 1 });
        var pending = core.TryTrigger(true)!;
        core.Acknowledge(Ack(Source, pending.Id));

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Empty(core.AbortTimedOut());
        Assert.Equal(_clock.GetUtcNow().AddMilliseconds(1), core.NextTimeout);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var aborted = Assert.Single(core.AbortTimedOut());

        Assert.Equal((1L, CheckpointFailureReason.Timeout), (aborted.Id, aborted.Reason));
        Assert.Equal(AckResultKind.NotPending, core.Acknowledge(Ack(Sum0, pending.Id)));
        Assert.Equal(1, core.ConsecutiveFailures);
        Assert.False(core.ToleranceExceeded);
        Assert.Equal(CheckpointStatus.Failed, core.LatestFailed!.Status);

        core.TryTrigger(true);
        _clock.Advance(TimeSpan.FromSeconds(1));
        core.AbortTimedOut();
        Assert.True(core.ToleranceExceeded);
        Assert.Equal(new CheckpointCounts(2, 0, 0, 2, 0), core.Counts);
    }

    [Fact]
    public void MarkCompleted_WhenAnOlderCheckpointIsPending_SubsumesItWithoutCountingAFailure()
    {
        var core = Create(new CheckpointingSettings { MaxConcurrent = 2 });
        var older = core.TryTrigger(true)!;
        var newer = core.TryTrigger(true)!;
        core.Acknowledge(Ack(Source, older.Id));
        AckAll(core, newer.Id);

        var (_, subsumed, _, _) = core.MarkCompleted(newer.Id, "m2");

        var s = Assert.Single(subsumed);
        Assert.Equal((older.Id, CheckpointFailureReason.Subsumed), (s.Id, s.Reason));
        Assert.Equal(0, core.ConsecutiveFailures);
        Assert.Equal(AckResultKind.NotPending, core.Acknowledge(Ack(Sum0, older.Id)));
        Assert.Empty(core.Pending);
    }

    [Fact]
    public void MarkCompleted_WhenMoreThanRetained_DropsTheOldestAndItsFiles()
    {
        var core = Create(new CheckpointingSettings { Retained = 2 });
        for (var i = 1; i <= 2; i++)
        {
            var p = core.TryTrigger(true)!;
            AckAll(core, p.Id);
            Assert.Empty(core.MarkCompleted(p.Id, $"jobs/job/chk-{p.Id}/_metadata").Dropped);
        }
        var third = core.TryTrigger(true)!;
        AckAll(core, third.Id);

        var (_, _, dropped, files) = core.MarkCompleted(third.Id, "jobs/job/chk-3/_metadata");

        Assert.Equal(1, Assert.Single(dropped).Id);
        Assert.Equal(["jobs/job/chk-1/0-0", "jobs/job/chk-1/1-0", "jobs/job/chk-1/1-1", "jobs/job/chk-1/_metadata"], files);
        Assert.Equal([2L, 3L], core.Completed.Select(c => c.Id));
        Assert.Equal([3L, 2L, 1L], core.History.Select(h => h.Id));
    }

    [Fact]
    public void Restart_WhenCheckpointPending_AbortsItAndIdsKeepGrowing()
    {
        var core = Create(new CheckpointingSettings { IntervalMs = 1000 });
        _clock.Advance(TimeSpan.FromSeconds(1));
        core.TryTrigger(false);

        var aborted = core.Restart(Tasks, restored: true);

        Assert.Equal(CheckpointFailureReason.JobStopped, Assert.Single(aborted).Reason);
        Assert.Equal(0, core.ConsecutiveFailures);
        Assert.Null(core.TryTrigger(false)); // the interval counts again from the restart
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, core.TryTrigger(false)!.Id);
        Assert.Equal(1, core.Counts.Restored);
    }

    [Fact]
    public void Counts_WhenCreatedForAnAttemptThatRestored_CountsTheRestore()
    {
        // A coordinator activation created after its silo restarted: its first attempt is already a restore.
        var core = new CheckpointCoordinatorCore(CheckpointingSettings.Default, Tasks, _clock, lastCheckpointId: 7, restored: true);

        Assert.Equal(1, core.Counts.Restored);
        Assert.Equal(8, core.TryTrigger(true)!.Id);
        Assert.Equal(0, Create(CheckpointingSettings.Default).Counts.Restored);
    }

    [Fact]
    public void AbortInvolving_WhenATaskFails_AbortsItsPendingCheckpoints()
    {
        var core = Create(CheckpointingSettings.Default);
        var pending = core.TryTrigger(true)!;

        var aborted = core.AbortInvolving(Sum1, "task sum[1] failed");

        Assert.Equal((pending.Id, CheckpointFailureReason.TaskFailure), (Assert.Single(aborted).Id, aborted[0].Reason));
        Assert.Null(core.Abort(pending.Id, CheckpointFailureReason.Declined, "again")); // already ended
        Assert.Equal(1, core.ConsecutiveFailures);
    }

    [Fact]
    public void Abort_WhenCausedByATaskThatIsNotRunning_DoesNotCountAgainstTheTolerance()
    {
        var core = Create(CheckpointingSettings.Default);
        var pending = core.TryTrigger(true)!;

        var failed = core.Abort(pending.Id, CheckpointFailureReason.TaskFailure, "source is failing", countsAsFailure: false);

        Assert.Equal(CheckpointFailureReason.TaskFailure, failed!.Reason);
        Assert.Equal(0, core.ConsecutiveFailures);
        Assert.False(core.ToleranceExceeded);
        Assert.Equal(1, core.Counts.Failed);
    }

    [Theory]
    [InlineData(-1, 600_000, 0, 1, 0, 3, "intervalMs")]
    [InlineData(5, 600_000, 0, 1, 0, 3, "intervalMs")]
    [InlineData(1000, 0, 0, 1, 0, 3, "timeoutMs")]
    [InlineData(1000, 600_000, -1, 1, 0, 3, "minPauseMs")]
    [InlineData(1000, 600_000, 0, 0, 0, 3, "maxConcurrent")]
    [InlineData(1000, 600_000, 0, 1, -1, 3, "tolerableFailures")]
    [InlineData(1000, 600_000, 0, 1, 0, 0, "retained")]
    public void Validate_WhenSettingOutOfRange_NamesTheField(long interval, long timeout, long minPause, int maxConcurrent, int tolerable, int retained, string field)
    {
        var settings = new CheckpointingSettings
        {
            IntervalMs = interval, TimeoutMs = timeout, MinPauseMs = minPause, MaxConcurrent = maxConcurrent, TolerableFailures = tolerable, Retained = retained,
        };

        Assert.Contains($"checkpointing.{field}", Assert.Single(settings.Validate()));
        Assert.Throws<ArgumentException>(() => new CheckpointCoordinatorCore(settings, Tasks, _clock));
    }
}
