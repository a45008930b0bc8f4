namespace OrleansFlow.Timers;

/// <summary>
/// The firing order of one time domain's timers: (timestamp, key, key group) entries, taken out in timestamp order.
/// Instead of a binary heap (whose every removal walks its levels: random accesses once it outgrows the cache), entries
/// are appended as they are registered and sorted in batches into runs, which firing reads front to back:
/// <list type="bullet">
/// <item>An append is a write at the end of an array.</item>
/// <item>Before entries are taken, the appended ones are sorted into a run (a counting sort on the timestamp when their
/// span is small, as timers registered between two watermarks usually are; else a comparison sort, stable either way).
/// A new run is merged with the newest run while that one is at most twice its size, so runs shrink geometrically
/// from the oldest: at most about log2(n) runs, and each entry is copied O(log n) times over its life.</item>
/// <item>Taking compares the heads of the runs; entries added while taking (a timer's callback registering another) go
/// to a small heap beside them, so taking stays in timestamp order.</item>
/// </list>
/// Owner thread only.
/// </summary>
internal sealed class TimerSchedule<TKey> where TKey : notnull
{
    private readonly List<Run> _runs = []; // oldest (largest) first
    private Entry[] _appended = new Entry[16];
    private int _appendedCount;
    private long _appendedMin = long.MaxValue;
    private PriorityQueue<Entry, long>? _addedWhileTaking;
    private bool _taking;
    private Entry[]? _spare; // a consumed run's array, for the next sort or merge
    private int[] _counts = []; // the counting sort's, reused

    /// <summary>An entry: a timer of <see cref="Key"/> (in <see cref="KeyGroup"/>) at <see cref="Timestamp"/>.</summary>
    public readonly record struct Entry(long Timestamp, TKey Key, int KeyGroup);

    /// <summary>How many entries there are.</summary>
    public int Count { get; private set; }

    /// <summary>The earliest timestamp, or <see cref="long.MaxValue"/> when there is no entry.</summary>
    public long NextTimestamp
    {
        get
        {
            var next = _appendedMin;
            foreach (var run in _runs) next = Math.Min(next, run.Head.Timestamp);
            if (_addedWhileTaking is { Count: > 0 } added && added.TryPeek(out _, out var top)) next = Math.Min(next, top);
            return next;
        }
    }

    /// <summary>Adds an entry (a second one of the same timer is allowed: the caller skips what is no longer registered).</summary>
    public void Add(long timestamp, TKey key, int keyGroup)
    {
        Count++;
        var entry = new Entry(timestamp, key, keyGroup);
        if (_taking)
        {
            (_addedWhileTaking ??= new PriorityQueue<Entry, long>()).Enqueue(entry, timestamp);
            return;
        }
        if (_appendedCount == _appended.Length) Array.Resize(ref _appended, _appended.Length * 2);
        _appended[_appendedCount++] = entry;
        if (timestamp < _appendedMin) _appendedMin = timestamp;
    }

    /// <summary>
    /// Takes entries at or before a time: call <see cref="TryTake"/> until it returns false, then dispose the scope.
    /// Entries added meanwhile are taken by the same scope when due.
    /// </summary>
    public TakingScope BeginTaking()
    {
        if (_taking) throw new InvalidOperationException("Timers are already being taken.");
        SortAppended();
        _taking = true;
        return new TakingScope(this);
    }

    /// <summary>Takes the earliest entry when it is at or before <paramref name="time"/>.</summary>
    public bool TryTake(long time, out Entry entry)
    {
        var best = -1;
        var bestTimestamp = long.MaxValue;
        for (var i = 0; i < _runs.Count; i++)
        {
            var timestamp = _runs[i].Head.Timestamp;
            if (timestamp < bestTimestamp) (best, bestTimestamp) = (i, timestamp);
        }
        if (_addedWhileTaking is { Count: > 0 } added && added.TryPeek(out _, out var top) && top < bestTimestamp && top <= time)
        {
            entry = added.Dequeue();
            Count--;
            return true;
        }
        if (best < 0 || bestTimestamp > time)
        {
            entry = default;
            return false;
        }
        var run = _runs[best];
        entry = run.Head;
        if (!run.Advance())
        {
            _runs.RemoveAt(best);
            KeepAsSpare(run);
        }
        Count--;
        return true;
    }

    /// <summary>Drops every entry.</summary>
    public void Clear()
    {
        _runs.Clear();
        _appendedCount = 0;
        _appendedMin = long.MaxValue;
        _addedWhileTaking?.Clear();
        Count = 0;
    }

    private void EndTaking()
    {
        _taking = false;
        if (_addedWhileTaking is not { Count: > 0 } added) return;
        Count -= added.Count; // they come back through Add
        while (added.TryDequeue(out var entry, out _)) Add(entry.Timestamp, entry.Key, entry.KeyGroup);
    }

    /// <summary>Sorts the appended entries into a run and merges it with the newest runs that are not much larger.</summary>
    private void SortAppended()
    {
        if (_appendedCount == 0) return;
        var run = new Run(Sort(_appended.AsSpan(0, _appendedCount), _appendedMin), _appendedCount);
        _appendedCount = 0;
        _appendedMin = long.MaxValue;
        if (_appended.Length > 1024 && _appended.Length > 4 * run.Remaining) _appended = new Entry[Math.Max(16, run.Remaining)]; // after a burst
        while (_runs.Count > 0 && _runs[^1].Remaining <= 2 * run.Remaining)
        {
            var older = _runs[^1];
            _runs.RemoveAt(_runs.Count - 1);
            run = Merge(older, run);
        }
        _runs.Add(run);
    }

    /// <summary>An array of at least <paramref name="length"/> entries: the spare one when it is large enough.</summary>
    private Entry[] Rent(int length)
    {
        if (_spare is { } spare && spare.Length >= length)
        {
            _spare = null;
            return spare;
        }
        return new Entry[length];
    }

    /// <summary>The entries in timestamp order (stable), in an array of at least their number.</summary>
    private Entry[] Sort(ReadOnlySpan<Entry> entries, long min)
    {
        var sorted = Rent(entries.Length);
        var max = long.MinValue;
        foreach (var e in entries) max = Math.Max(max, e.Timestamp);
        var span = (ulong)(max - min); // wraps only for spans no counting sort would take
        if (max >= min && span < (ulong)(4 * entries.Length + 1024))
        {
            var length = (int)span + 2;
            if (_counts.Length < length) _counts = new int[Math.Max(length, 2 * _counts.Length)];
            else Array.Clear(_counts, 0, length);
            var counts = _counts;
            foreach (var e in entries) counts[e.Timestamp - min + 1]++;
            for (var i = 1; i < length; i++) counts[i] += counts[i - 1];
            foreach (var e in entries) sorted[counts[e.Timestamp - min]++] = e;
            return sorted;
        }
        var order = new int[entries.Length]; // a stable comparison sort: by timestamp, then by position
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var keys = new long[entries.Length];
        for (var i = 0; i < keys.Length; i++) keys[i] = entries[i].Timestamp;
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        for (var i = 0; i < order.Length; i++) sorted[i] = entries[order[i]];
        return sorted;
    }

    /// <summary>The remaining entries of <paramref name="older"/> and <paramref name="newer"/> in timestamp order (older first at equal times).</summary>
    private Run Merge(Run older, Run newer)
    {
        var a = older.RemainingSpan;
        var b = newer.RemainingSpan;
        var merged = Rent(a.Length + b.Length);
        int i = 0, j = 0, k = 0;
        while (i < a.Length && j < b.Length) merged[k++] = b[j].Timestamp < a[i].Timestamp ? b[j++] : a[i++];
        while (i < a.Length) merged[k++] = a[i++];
        while (j < b.Length) merged[k++] = b[j++];
        KeepAsSpare(older);
        KeepAsSpare(newer);
        return new Run(merged, k);
    }

    /// <summary>Keeps a run that is done with as the spare array when it is the largest one seen.</summary>
    private void KeepAsSpare(Run done)
    {
        if (_spare is null || done.Capacity > _spare.Length) _spare = done.Release();
    }

    /// <summary>The first <c>length</c> entries of a sorted array, read from the front.</summary>
    private sealed class Run(Entry[] entries, int length)
    {
        private int _next;

        public Entry[] Array => entries;

        public Entry Head => entries[_next];

        public int Remaining => length - _next;

        public int Capacity => entries.Length;

        public ReadOnlySpan<Entry> RemainingSpan => entries.AsSpan(_next, length - _next);

        /// <summary>Moves past the head; false when nothing is left.</summary>
        public bool Advance() => ++_next < length;

        /// <summary>The array, cleared of references, for reuse.</summary>
        public Entry[] Release()
        {
            if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<Entry>()) System.Array.Clear(entries);
            return entries;
        }
    }

    /// <summary>The scope of <see cref="BeginTaking"/>.</summary>
    public readonly struct TakingScope(TimerSchedule<TKey> schedule) : IDisposable
    {
        public void Dispose() => schedule.EndTaking();
    }
}
