using OrleansFlow.Api;
using OrleansFlow.State;

namespace OrleansFlow.Timers;

/// <summary>
/// The <see cref="ITimerService"/> of one keyed operator subtask: an event-time and a processing-time
/// <see cref="InternalTimerQueue{TKey}"/> over its state backend (state <c>_timers/event</c> and
/// <c>_timers/processing</c>), the operator's current input watermark, and the task's
/// <see cref="ProcessingTimeService"/>. Protocol: <see cref="Restored"/> after the backend restored its state (and
/// before the first record); the operator calls <see cref="AdvanceWatermark"/> with each watermark it receives, and
/// the processing-time service calls it back through <see cref="OnProcessingTime"/>. An event-time timer at or before
/// the current watermark fires with the next watermark; a processing-time timer in the past fires at the next
/// wake-up. The task's turn only.
/// </summary>
internal sealed class KeyedTimerService<TKey> : ITimerService where TKey : notnull
{
    /// <summary>The internal state holding event-time timers.</summary>
    public const string EventTimeStateName = InternalStateNames.Prefix + "event";

    /// <summary>The internal state holding processing-time timers.</summary>
    public const string ProcessingTimeStateName = InternalStateNames.Prefix + "processing";

    private readonly InternalTimerQueue<TKey> _eventTime;
    private readonly InternalTimerQueue<TKey> _processingTime;
    private readonly ProcessingTimeService _clock;
    private readonly ITimerTarget<TKey> _target;
    private long _watermark = long.MinValue;

    /// <summary>Creates the service; fired timers call <paramref name="target"/>.</summary>
    public KeyedTimerService(IKeyedStateBackend<TKey> backend, ProcessingTimeService clock, ITimerTarget<TKey> target)
    {
        _eventTime = new InternalTimerQueue<TKey>(backend, EventTimeStateName, TimeDomain.EventTime);
        _processingTime = new InternalTimerQueue<TKey>(backend, ProcessingTimeStateName, TimeDomain.ProcessingTime);
        _clock = clock;
        _target = target;
        clock.Subscribe(OnProcessingTime);
    }

    /// <summary>Pending event-time timers.</summary>
    public int EventTimeTimers => _eventTime.Count;

    /// <summary>Pending processing-time timers.</summary>
    public int ProcessingTimeTimers => _processingTime.Count;

    /// <inheritdoc />
    public long CurrentProcessingTime() => _clock.CurrentTime;

    /// <inheritdoc />
    public long CurrentWatermark() => _watermark;

    /// <inheritdoc />
    public void RegisterEventTimeTimer(long timestamp) => _eventTime.Register(timestamp);

    /// <inheritdoc />
    public void RegisterProcessingTimeTimer(long timestamp)
    {
        if (_processingTime.Register(timestamp)) _clock.WakeAt(timestamp);
    }

    /// <inheritdoc />
    public void DeleteEventTimeTimer(long timestamp) => _eventTime.Delete(timestamp);

    /// <inheritdoc />
    public void DeleteProcessingTimeTimer(long timestamp) => _processingTime.Delete(timestamp);

    /// <summary>Event time reached <paramref name="watermark"/>: fires the due event-time timers, in order.</summary>
    public void AdvanceWatermark(long watermark)
    {
        if (watermark <= _watermark) return;
        _watermark = watermark;
        _eventTime.FireUpTo(watermark, _target);
    }

    /// <summary>Processing time reached <paramref name="now"/>: fires the due processing-time timers and asks to be woken for the next.</summary>
    public void OnProcessingTime(long now)
    {
        _processingTime.FireUpTo(now, _target);
        if (_processingTime.NextTimestamp is var next && next != long.MaxValue) _clock.WakeAt(next);
    }

    /// <summary>The backend restored its state: rebuilds both queues and asks to be woken for the first processing-time timer.</summary>
    public void Restored()
    {
        _eventTime.Rebuild();
        _processingTime.Rebuild();
        if (_processingTime.NextTimestamp is var next && next != long.MaxValue) _clock.WakeAt(next);
    }
}
