namespace OrleansFlow.Timers;

/// <summary>
/// A task's processing-time clock and wake-ups (Flink's <c>ProcessingTimeService</c>), shared by its chain's keyed
/// operators. An operator asks to be woken at a time (<see cref="WakeAt"/>); the service keeps the earliest time asked
/// for and hands it to the task's scheduler, which later calls <see cref="Fire"/> on the task's turn. Fire calls every
/// subscriber with the current time; each fires its due timers and asks again for its next one. Time is the injected
/// <see cref="TimeProvider"/>'s, in epoch milliseconds. Not thread-safe: the task's turn only (the scheduler's timer
/// callback must post to the task, not call <see cref="Fire"/>).
/// </summary>
internal sealed class ProcessingTimeService
{
    private readonly TimeProvider _time;
    private readonly Action<TimeSpan> _schedule;
    private readonly List<Action<long>> _subscribers = [];
    private long _wakeAt = long.MaxValue;

    /// <summary>
    /// Creates the service; <paramref name="schedule"/> arranges one call of <see cref="Fire"/> after the delay it is
    /// given, replacing the one it arranged before.
    /// </summary>
    public ProcessingTimeService(TimeProvider time, Action<TimeSpan> schedule)
    {
        _time = time;
        _schedule = schedule;
    }

    /// <summary>The clock, in epoch milliseconds.</summary>
    public long CurrentTime => _time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The time of the pending wake-up, or <see cref="long.MaxValue"/> when none is scheduled.</summary>
    public long PendingWakeUp => _wakeAt;

    /// <summary>Adds a callback that <see cref="Fire"/> calls with the current time.</summary>
    public void Subscribe(Action<long> onProcessingTime) => _subscribers.Add(onProcessingTime);

    /// <summary>Asks for a wake-up at <paramref name="time"/> (epoch milliseconds); a later one than already pending changes nothing.</summary>
    public void WakeAt(long time)
    {
        if (time >= _wakeAt) return;
        _wakeAt = time;
        var delay = time - CurrentTime;
        _schedule(delay <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(delay));
    }

    /// <summary>The scheduled wake-up came: calls every subscriber with the current time (each asks again for its next).</summary>
    public void Fire()
    {
        _wakeAt = long.MaxValue;
        var now = CurrentTime;
        foreach (var subscriber in _subscribers) subscriber(now);
    }
}
