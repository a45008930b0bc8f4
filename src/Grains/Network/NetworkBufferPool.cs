namespace OrleansFlow.Network;

/// <summary>
/// The silo's network memory (<c>OrleansFlow:NetworkMemory</c>, Flink's network buffer pool): the bytes that output
/// buffers of this silo's tasks may hold, from the record that opens a buffer until the receiving task has applied the
/// batch. Tasks hold their share through a <see cref="TaskBufferBudget"/>.
/// Thread-safe: tasks of different activations acquire and release concurrently. <see cref="Used"/> never exceeds
/// <see cref="Capacity"/>; a buffer that a single record forces beyond a task's reservation when the pool is empty is an
/// overdraft, counted apart in <see cref="Overdraft"/> (see <see cref="TaskBufferBudget"/>).
/// </summary>
internal sealed class NetworkBufferPool
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _released = NewSignal();
    private long _used;
    private long _peak;
    private long _overdraft;
    private long _overdraftPeak;
    private long _waits;

    /// <summary>Creates a pool of <paramref name="capacity"/> bytes.</summary>
    public NetworkBufferPool(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    /// <summary>The bound, in bytes.</summary>
    public long Capacity { get; }

    /// <summary>Bytes held now: task reservations and buffers (filling or in flight).</summary>
    public long Used { get { lock (_lock) return _used; } }

    /// <summary>The most bytes ever held at once (never above <see cref="Capacity"/>).</summary>
    public long Peak { get { lock (_lock) return _peak; } }

    /// <summary>Bytes of overdraft buffers now held.</summary>
    public long Overdraft { get { lock (_lock) return _overdraft; } }

    /// <summary>The most overdraft bytes ever held at once.</summary>
    public long OverdraftPeak { get { lock (_lock) return _overdraftPeak; } }

    /// <summary>How many times a task found too little here and waited (backpressure from network memory).</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>Bytes still free.</summary>
    public long Available { get { lock (_lock) return Capacity - _used; } }

    /// <summary>Takes <paramref name="bytes"/> if they are free; otherwise takes nothing.</summary>
    public bool TryAcquire(long bytes)
    {
        if (bytes <= 0) return true;
        lock (_lock)
        {
            if (_used + bytes > Capacity) return false;
            _used += bytes;
            if (_used > _peak) _peak = _used;
            return true;
        }
    }

    /// <summary>Gives back <paramref name="bytes"/> taken by <see cref="TryAcquire"/> and wakes the waiters.</summary>
    public void Release(long bytes)
    {
        if (bytes < 0) throw new ArgumentOutOfRangeException(nameof(bytes), bytes, "Cannot release a negative number of bytes.");
        TaskCompletionSource signal;
        lock (_lock)
        {
            if (bytes > _used) throw new InvalidOperationException($"Releasing {bytes} bytes of network memory, but only {_used} are held.");
            _used -= bytes;
            signal = _released;
            _released = NewSignal();
        }
        signal.TrySetResult();
    }

    /// <summary>Records an overdraft buffer of <paramref name="bytes"/> (allocated beyond the bound).</summary>
    public void AcquireOverdraft(long bytes)
    {
        lock (_lock)
        {
            _overdraft += bytes;
            if (_overdraft > _overdraftPeak) _overdraftPeak = _overdraft;
        }
    }

    /// <summary>Gives back an overdraft buffer and wakes the waiters.</summary>
    public void ReleaseOverdraft(long bytes)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            _overdraft -= bytes;
            signal = _released;
            _released = NewSignal();
        }
        signal.TrySetResult();
    }

    /// <summary>Completes at the next release (of the pool's bytes or of any task's returned buffer).</summary>
    public Task NextReleaseAsync()
    {
        lock (_lock) return _released.Task;
    }

    /// <summary>Wakes every waiter without releasing anything (a task's own reservation grew, or it was disposed).</summary>
    public void Signal()
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            signal = _released;
            _released = NewSignal();
        }
        signal.TrySetResult();
    }

    /// <summary>Counts one wait (see <see cref="Waits"/>).</summary>
    public void CountWait() => Interlocked.Increment(ref _waits);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
