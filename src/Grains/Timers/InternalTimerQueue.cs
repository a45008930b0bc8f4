using OrleansFlow.Api;
using OrleansFlow.State;

namespace OrleansFlow.Timers;

/// <summary>
/// The timers of one time domain of a keyed operator subtask (the queue of Flink's <c>InternalTimerServiceImpl</c>).
/// A timer is (key, timestamp). Which timers exist is keyed state of the operator's backend: value state
/// <c>_timers/…</c> holding each key's timestamps (<see cref="TimerTimestamps"/>, the first inline), so a checkpoint writes every timer in its key's key group, a restore
/// at another parallelism takes exactly its key groups' timers, and a savepoint shows them. A
/// <see cref="TimerSchedule{TKey}"/> orders them for firing; it is rebuilt from the state after a restore (<see cref="Rebuild"/>). The state exists once a
/// timer was registered or restored: a job without timers has none in its snapshots.
/// <list type="bullet">
/// <item>Deduplicated: registering an existing (key, timestamp) changes nothing.</item>
/// <item>Fired in timestamp order by <see cref="FireUpTo"/>, each once, including timers a callback registers at or
/// before the time being advanced to.</item>
/// <item>Deleting removes the timer from the state; its queue entry is skipped when it comes up (lazy deletion).</item>
/// </list>
/// Register and delete address the backend's current key. Not thread-safe: the task's turn only.
/// </summary>
internal sealed class InternalTimerQueue<TKey> where TKey : notnull
{
    private readonly IKeyedStateBackend<TKey> _backend;
    private IValueState<TimerTimestamps>? _state; // created with the first timer (or restored timers), so a job without timers has no timer state
    private IValueRefState<TimerTimestamps>? _slots; // the same state, changed in place: one state access per register and per fire
    private readonly string _stateName;
    private readonly TimeDomain _domain;
    private readonly TimerSchedule<TKey> _queue = new();

    /// <summary>Creates the queue of <paramref name="domain"/>, whose timers are the backend's internal state <paramref name="stateName"/>.</summary>
    public InternalTimerQueue(IKeyedStateBackend<TKey> backend, string stateName, TimeDomain domain)
    {
        ArgumentNullException.ThrowIfNull(backend);
        _backend = backend;
        _stateName = stateName;
        _domain = domain;
    }

    private IValueState<TimerTimestamps> Timestamps
    {
        get
        {
            if (_state is not null) return _state;
            _state = _backend.GetInternalState(new ValueStateDescriptor<TimerTimestamps>(_stateName));
            _slots = _state as IValueRefState<TimerTimestamps>
                ?? throw new InvalidOperationException($"Timers need a state backend with in-place value updates; {_state.GetType().Name} has none.");
            return _state;
        }
    }

    /// <summary>Timers registered and not yet fired or deleted.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The earliest timestamp in the queue, or <see cref="long.MaxValue"/> when it is empty. It may be a deleted timer's
    /// (a wake-up for it finds nothing to fire).
    /// </summary>
    public long NextTimestamp => _queue.NextTimestamp;

    /// <summary>Registers a timer of the current key; false when it exists already.</summary>
    public bool Register(long timestamp)
    {
        _ = Timestamps;
        ref var current = ref _slots!.GetValueRefOrAddDefault(out var exists);
        if (!exists) current = new TimerTimestamps(timestamp);
        else if (current.Contains(timestamp)) return false;
        else current.Add(timestamp);
        _queue.Add(timestamp, _backend.CurrentKey, _backend.CurrentKeyGroup);
        Count++;
        return true;
    }

    /// <summary>Deletes a timer of the current key; false when there was none.</summary>
    public bool Delete(long timestamp)
    {
        if (!RemoveOfCurrentKey(timestamp)) return false;
        Count--;
        return true;
    }

    /// <summary>
    /// Fires every timer with a timestamp at or before <paramref name="time"/>, in timestamp order, each once, making its
    /// key current before calling <paramref name="target"/>; a timer the target registers at or before
    /// <paramref name="time"/> fires in the same call. Returns how many fired.
    /// </summary>
    public int FireUpTo(long time, ITimerTarget<TKey> target)
    {
        var fired = 0;
        using (_queue.BeginTaking())
        {
            while (_queue.TryTake(time, out var entry))
            {
                _backend.SetCurrentKey(entry.Key, entry.KeyGroup);
                if (!RemoveOfCurrentKey(entry.Timestamp)) continue; // deleted, or a second entry after a delete and re-register
                Count--;
                fired++;
                target.OnTimer(entry.Key, entry.Timestamp, _domain);
            }
        }
        return fired;
    }

    /// <summary>Rebuilds the queue from the state, after the backend restored a snapshot.</summary>
    public void Rebuild()
    {
        _queue.Clear();
        Count = 0;
        if (_state is null && !_backend.HasState(_stateName)) return;
        var timestamps = Timestamps;
        var count = 0;
        _backend.ApplyToAllKeys(_stateName, key =>
        {
            var keyGroup = _backend.CurrentKeyGroup;
            foreach (var timestamp in timestamps.Value.All())
            {
                _queue.Add(timestamp, key, keyGroup);
                count++;
            }
        });
        Count = count;
    }

    private bool RemoveOfCurrentKey(long timestamp)
    {
        if (_slots is null) return false;
        ref var current = ref _slots.GetValueRefOrNullRef();
        if (System.Runtime.CompilerServices.Unsafe.IsNullRef(ref current) || !current.TryRemove(timestamp)) return false;
        if (current.IsEmpty) _state!.Clear();
        return true;
    }
}
