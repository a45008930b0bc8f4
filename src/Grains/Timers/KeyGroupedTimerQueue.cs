using OrleansFlow.KeyGroups;

namespace OrleansFlow.Timers;

/// <summary>
/// The timers of one time domain of a keyed operator subtask (Flink's heap timer queue; pure, one caller at a time):
/// <list type="bullet">
/// <item>deduplicated per (key, timestamp): registering an existing timer changes nothing;</item>
/// <item>fired in timestamp order by <see cref="FireUpTo"/>, each once, including timers a callback registers at or
/// before the time being advanced to;</item>
/// <item>held per key group, so a checkpoint writes them in the key-group-addressable format
/// (<see cref="TimersOf"/>) and a restore at another parallelism takes exactly its key groups' (<see cref="Restore"/>).</item>
/// </list>
/// A deleted timer stays in the priority queue and is skipped when it comes up (lazy deletion).
/// </summary>
internal sealed class KeyGroupedTimerQueue<TKey> where TKey : notnull
{
    private readonly KeyGroupRange _range;
    private readonly HashSet<(TKey Key, long Timestamp)>[] _byKeyGroup;
    private readonly PriorityQueue<TimerEntry<TKey>, long> _queue = new();
    private int _count;

    public KeyGroupedTimerQueue(KeyGroupRange range)
    {
        _range = range;
        _byKeyGroup = new HashSet<(TKey, long)>[range.NumberOfKeyGroups];
        for (var i = 0; i < _byKeyGroup.Length; i++) _byKeyGroup[i] = [];
    }

    /// <summary>Timers registered and not yet fired or deleted.</summary>
    public int Count => _count;

    /// <summary>The earliest timer's timestamp, or <see cref="long.MaxValue"/> when there is none.</summary>
    public long NextTimestamp
    {
        get
        {
            while (_queue.TryPeek(out var entry, out _))
            {
                if (Set(entry.KeyGroup).Contains((entry.Key, entry.Timestamp))) return entry.Timestamp;
                _queue.Dequeue(); // deleted or already fired
            }
            return long.MaxValue;
        }
    }

    /// <summary>Registers a timer; false when (key, timestamp) was registered already.</summary>
    public bool Register(TKey key, int keyGroup, long timestamp)
    {
        if (!Set(keyGroup).Add((key, timestamp))) return false;
        _queue.Enqueue(new TimerEntry<TKey>(timestamp, key, keyGroup), timestamp);
        _count++;
        return true;
    }

    /// <summary>Deletes a timer; false when there was none.</summary>
    public bool Delete(TKey key, int keyGroup, long timestamp)
    {
        if (!Set(keyGroup).Remove((key, timestamp))) return false;
        _count--;
        return true;
    }

    /// <summary>
    /// Fires every timer with a timestamp at or before <paramref name="time"/>, in timestamp order, each once; a timer
    /// that <paramref name="onTimer"/> registers at or before <paramref name="time"/> fires in the same call. Returns how
    /// many fired.
    /// </summary>
    public int FireUpTo(long time, Action<TimerEntry<TKey>> onTimer)
    {
        var fired = 0;
        while (_queue.TryPeek(out var entry, out var timestamp) && timestamp <= time)
        {
            _queue.Dequeue();
            if (!Set(entry.KeyGroup).Remove((entry.Key, entry.Timestamp))) continue; // deleted, or a duplicate entry after a re-registration
            _count--;
            fired++;
            onTimer(entry);
        }
        return fired;
    }

    /// <summary>The timers of <paramref name="keyGroup"/>, ordered by timestamp (what a checkpoint writes for it).</summary>
    public IReadOnlyList<(TKey Key, long Timestamp)> TimersOf(int keyGroup) =>
        [.. Set(keyGroup).OrderBy(t => t.Timestamp)];

    /// <summary>Adds restored timers of <paramref name="keyGroup"/> (one of this subtask's).</summary>
    public void Restore(int keyGroup, IEnumerable<(TKey Key, long Timestamp)> timers)
    {
        ArgumentNullException.ThrowIfNull(timers);
        foreach (var (key, timestamp) in timers) Register(key, keyGroup, timestamp);
    }

    private HashSet<(TKey Key, long Timestamp)> Set(int keyGroup)
    {
        if (!_range.Contains(keyGroup))
            throw new ArgumentOutOfRangeException(nameof(keyGroup), keyGroup, $"Key group {keyGroup} is not this subtask's ({_range}).");
        return _byKeyGroup[keyGroup - _range.StartKeyGroup];
    }
}
