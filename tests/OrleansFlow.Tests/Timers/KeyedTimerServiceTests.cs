using Microsoft.Extensions.Time.Testing;
using OrleansFlow.Api;
using OrleansFlow.State;
using OrleansFlow.Tests.State;
using OrleansFlow.Timers;

namespace OrleansFlow.Tests.Timers;

public sealed class KeyedTimerServiceTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeMilliseconds(1_000_000);

    private sealed class Harness
    {
        public readonly FakeTimeProvider Clock = new(Start);
        public readonly List<TimeSpan> Scheduled = [];
        public readonly HeapKeyedStateBackend<string> Backend = StateTestSupport.CreateBackend<string>(0, 127);
        public readonly RecordingTimerTarget<string> Target = new();
        public readonly ProcessingTimeService ProcessingTime;
        public readonly KeyedTimerService<string> Timers;

        public Harness()
        {
            ProcessingTime = new ProcessingTimeService(Clock, Scheduled.Add);
            Timers = new KeyedTimerService<string>(Backend, ProcessingTime, Target);
        }
    }

    [Fact]
    public void AdvanceWatermark_WhenItPassesEventTimeTimers_FiresThemAndUpdatesTheCurrentWatermark()
    {
        var h = new Harness();
        h.Backend.Select("a");
        h.Timers.RegisterEventTimeTimer(100);
        h.Timers.RegisterEventTimeTimer(200);

        h.Timers.AdvanceWatermark(150);

        Assert.Equal(["a@100"], h.Target.Fired);
        Assert.Equal([TimeDomain.EventTime], h.Target.Domains);
        Assert.Equal(150, h.Timers.CurrentWatermark());
        Assert.Empty(h.Scheduled); // event time needs no wake-up
    }

    [Fact]
    public void AdvanceWatermark_WhenATimerIsAtOrBeforeTheWatermarkAlready_FiresItWithTheNextWatermarkNotAtRegistration()
    {
        var h = new Harness();
        h.Timers.AdvanceWatermark(500);
        h.Backend.Select("a");

        h.Timers.RegisterEventTimeTimer(400);
        Assert.Empty(h.Target.Fired);
        h.Timers.AdvanceWatermark(501);

        Assert.Equal(["a@400"], h.Target.Fired);
    }

    [Fact]
    public void OnProcessingTime_WhenTheClockReachesATimer_FiresItAndAsksForTheNextWakeUp()
    {
        var h = new Harness();
        var now = h.Timers.CurrentProcessingTime();
        h.Backend.Select("a");
        h.Timers.RegisterProcessingTimeTimer(now + 1_000);
        h.Timers.RegisterProcessingTimeTimer(now + 5_000);
        h.Timers.RegisterProcessingTimeTimer(now + 500); // earlier: replaces the pending wake-up

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500)], h.Scheduled);
        h.Clock.Advance(TimeSpan.FromMilliseconds(1_200));
        h.ProcessingTime.Fire();

        Assert.Equal([$"a@{now + 500}", $"a@{now + 1_000}"], h.Target.Fired);
        Assert.Equal([TimeDomain.ProcessingTime, TimeDomain.ProcessingTime], h.Target.Domains);
        Assert.Equal(TimeSpan.FromMilliseconds(3_800), h.Scheduled[^1]);
        Assert.Equal(now + 5_000, h.ProcessingTime.PendingWakeUp);
    }

    [Fact]
    public void OnProcessingTime_WhenTheWakeUpComesEarly_FiresNothingAndSchedulesAgain()
    {
        var h = new Harness();
        var now = h.Timers.CurrentProcessingTime();
        h.Backend.Select("a");
        h.Timers.RegisterProcessingTimeTimer(now + 100);

        h.Clock.Advance(TimeSpan.FromMilliseconds(99));
        h.ProcessingTime.Fire();

        Assert.Empty(h.Target.Fired);
        Assert.Equal(TimeSpan.FromMilliseconds(1), h.Scheduled[^1]);
    }

    [Fact]
    public void Restored_WhenTheBackendHeldTimersOfBothDomains_FiresThemAfterARestoreAndWakesForTheProcessingTimeOne()
    {
        var h = new Harness();
        var now = h.Timers.CurrentProcessingTime();
        h.Backend.Select("a");
        h.Timers.RegisterEventTimeTimer(42);
        h.Timers.RegisterProcessingTimeTimer(now + 2_000);
        var bytes = StateTestSupport.SnapshotBytes(h.Backend);

        var restored = new Harness();
        restored.Backend.Restore(new MemoryStream(bytes), restored.Backend.KeyGroupRange);
        restored.Timers.Restored();

        Assert.Equal(1, restored.Timers.EventTimeTimers);
        Assert.Equal(1, restored.Timers.ProcessingTimeTimers);
        Assert.Equal([TimeSpan.FromSeconds(2)], restored.Scheduled);
        restored.Timers.AdvanceWatermark(long.MaxValue);
        restored.Clock.Advance(TimeSpan.FromSeconds(2));
        restored.ProcessingTime.Fire();
        Assert.Equal(["a@42", $"a@{now + 2_000}"], restored.Target.Fired);
    }
}
