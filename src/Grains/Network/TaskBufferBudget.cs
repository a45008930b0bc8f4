namespace OrleansFlow.Network;

/// <summary>
/// A task's share of its silo's <see cref="NetworkBufferPool"/>. Protocol:
/// <list type="number">
/// <item>The chain's writers are built with the budget and describe their buffers; then <see cref="Open"/> reserves the
/// task's <see cref="BufferDemand.Minimum"/> (one record's worst case) or throws
/// <see cref="InsufficientNetworkMemoryException"/>. This reservation is the task's own: buffers it sent come back to it
/// first, so every task can always go on once its own output has been consumed (no deadlock through the shared pool).</item>
/// <item>A writer takes a <see cref="BufferLease"/> when a record opens a buffer (<see cref="Lease"/>); the lease comes
/// back when the receiver has applied the batch.</item>
/// <item>Between records, the task's input loop checks <see cref="NeedsRefill"/> (a field read); when set and
/// <see cref="TryRefill"/> fails, it stops at that record boundary, flushes its partial buffers (so they too can come
/// back) and awaits <see cref="WaitForMinimumAsync"/>.</item>
/// </list>
/// A record that emits more than one record per output (a flat map, a process function) can open more buffers than the
/// reservation holds. It takes them from the pool while the pool has room; when it has none, the buffer is an overdraft:
/// allocated beyond the bound, counted in <see cref="NetworkBufferPool.Overdraft"/>, and the task takes no further record
/// until its overdraft has come back (Flink's overdraft buffers). A job whose operators emit at most one record per input
/// record and output never overdraws.
/// Thread-safety: leases come back on continuations of the task's deliveries; every change is under a lock.
/// </summary>
internal sealed class TaskBufferBudget(NetworkBufferPool pool, string owner) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly List<OutputBufferShape> _outputs = [];
    private long _reserved;
    private long _minimum;
    private long _overdraft;
    private bool _disposed;

    /// <summary>The silo's pool.</summary>
    public NetworkBufferPool Pool { get; } = pool;

    /// <summary>What the task's outputs can ask for (complete after <see cref="Open"/>).</summary>
    public BufferDemand Demand { get; private set; } = new([]);

    /// <summary>
    /// Set when the reservation fell below the minimum or an overdraft is out: the input loop must refill before its next
    /// record. Read without the lock (a stale false only delays the stop by one record, which the reservation covers).
    /// </summary>
    public bool NeedsRefill { get; private set; }

    /// <summary>Bytes reserved and not yet in a buffer.</summary>
    public long Reserved { get { lock (_lock) return _reserved; } }

    /// <summary>Adds a writer's buffers (while the chain is built, before <see cref="Open"/>).</summary>
    public void AddOutput(OutputBufferShape output) => _outputs.Add(output);

    /// <summary>Reserves the minimum, or throws naming the figures.</summary>
    public void Open()
    {
        Demand = new BufferDemand(_outputs.ToArray());
        _minimum = Demand.Minimum;
        if (!Pool.TryAcquire(_minimum))
        {
            throw new InsufficientNetworkMemoryException(
                $"Task {owner} needs {ByteSize.Format(_minimum)} of network memory (one buffer per output channel), but only " +
                $"{ByteSize.Format(Pool.Available)} of {ByteSize.Format(Pool.Capacity)} (OrleansFlow:NetworkMemory) are free on this silo.");
        }
        lock (_lock) _reserved = _minimum;
    }

    /// <summary>Claims one buffer of <paramref name="bytes"/>: from the reservation, else the pool, else as an overdraft.</summary>
    public BufferLease Lease(long bytes)
    {
        lock (_lock)
        {
            if (_reserved >= bytes)
            {
                _reserved -= bytes;
                NeedsRefill = _reserved < _minimum || _overdraft > 0;
                return new BufferLease(this, bytes, overdraft: false);
            }
        }
        if (Pool.TryAcquire(bytes)) return new BufferLease(this, bytes, overdraft: false);
        Pool.AcquireOverdraft(bytes);
        lock (_lock)
        {
            _overdraft += bytes;
            NeedsRefill = true;
        }
        return new BufferLease(this, bytes, overdraft: true);
    }

    /// <summary>Tops the reservation up to <paramref name="target"/> bytes if the pool has them now; false (nothing taken) otherwise or while an overdraft is out.</summary>
    public bool TryReserve(long target)
    {
        lock (_lock)
        {
            if (_disposed || _overdraft > 0) return false;
            if (_reserved < target)
            {
                if (!Pool.TryAcquire(target - _reserved)) return false;
                _reserved = target;
            }
            NeedsRefill = _reserved < _minimum;
            return true;
        }
    }

    /// <summary>Tops the reservation up to the minimum if it can now.</summary>
    public bool TryRefill() => TryReserve(_minimum);

    /// <summary>
    /// The largest step (at most <paramref name="limit"/> records) the reservation covers, first topping it up to cover a
    /// whole <paramref name="limit"/> if the pool has room; 0 when the task must wait.
    /// </summary>
    public int StepSize(int limit)
    {
        if (Demand.IsEmpty) return limit;
        if (!TryReserve(Demand.BytesFor(limit)) && !TryRefill()) return 0;
        return Demand.RecordsWithin(Reserved, limit);
    }

    /// <summary>Waits until <see cref="TryRefill"/> succeeds or the budget is disposed (the caller then checks its state).</summary>
    public async Task WaitForMinimumAsync()
    {
        while (true)
        {
            var released = Pool.NextReleaseAsync(); // taken before trying, so no release between the try and the wait is missed
            if (TryRefill()) return;
            lock (_lock)
            {
                if (_disposed) return;
            }
            Pool.CountWait();
            await released;
        }
    }

    /// <summary>A lease comes back (see <see cref="BufferLease.Return"/>).</summary>
    internal void Return(long bytes, bool overdraft)
    {
        if (overdraft)
        {
            lock (_lock)
            {
                _overdraft -= bytes;
                NeedsRefill = _reserved < _minimum || _overdraft > 0;
            }
            Pool.ReleaseOverdraft(bytes);
            return;
        }
        lock (_lock)
        {
            if (!_disposed && _reserved < _minimum)
            {
                var kept = Math.Min(bytes, _minimum - _reserved);
                _reserved += kept;
                bytes -= kept;
                NeedsRefill = _reserved < _minimum || _overdraft > 0;
            }
        }
        if (bytes > 0) Pool.Release(bytes);
        else Pool.Signal();
    }

    /// <summary>Gives the reservation back; leases still out go to the pool when they return. Wakes a waiting loop.</summary>
    public void Dispose()
    {
        long reserved;
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            reserved = _reserved;
            _reserved = 0;
            NeedsRefill = true;
        }
        if (reserved > 0) Pool.Release(reserved);
        else Pool.Signal();
    }
}
