namespace OrleansFlow.State;

/// <summary>
/// Time to live of a keyed state's values (Flink's <c>StateTtlConfig</c>), set with
/// <see cref="StateDescriptor.EnableTimeToLive"/>. A value (a list element, a map entry) expires <see cref="Ttl"/> after
/// it was last created or written (or read, with <see cref="StateTtlUpdateType.OnReadAndWrite"/>), on the processing
/// time of the injected <see cref="TimeProvider"/>. An expired value is never returned. Expired values are removed when
/// they are accessed, by <see cref="CleanupIncrementally"/> (a few other entries examined at each access) and, when
/// <see cref="CleanupFullSnapshot"/>, left out of every snapshot. The last-access timestamps are part of snapshots, so
/// expiry continues across restores; turning TTL on or off for a state across a savepoint restores without error (values
/// restored without a timestamp get the restore time).
/// </summary>
public sealed record StateTtlConfig
{
    /// <summary>The longest a time to live may be (a century), so that timestamps cannot overflow.</summary>
    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(36_525);

    /// <summary>A config with time to live <paramref name="ttl"/>, renewed on create and write, cleaned up incrementally (5 entries per access) and on snapshots.</summary>
    public StateTtlConfig(TimeSpan ttl)
    {
        if (ttl < TimeSpan.FromMilliseconds(1) || ttl > MaxTtl)
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, $"A state's time to live must be in [1 ms, {MaxTtl.TotalDays} days].");
        Ttl = ttl;
    }

    /// <summary>How long a value lives after its last renewal.</summary>
    public TimeSpan Ttl { get; }

    /// <summary>What renews a value.</summary>
    public StateTtlUpdateType UpdateType { get; init; } = StateTtlUpdateType.OnCreateAndWrite;

    /// <summary>Whether snapshots leave expired values out.</summary>
    public bool CleanupFullSnapshot { get; init; } = true;

    /// <summary>How many other entries of the state each access examines and removes when expired (0 = none).</summary>
    public int CleanupIncrementally
    {
        get => _cleanupIncrementally;
        init
        {
            if (value is < 0 or > 1_000) throw new ArgumentOutOfRangeException(nameof(value), value, "Incremental cleanup examines 0 to 1,000 entries per access.");
            _cleanupIncrementally = value;
        }
    }

    private readonly int _cleanupIncrementally = 5;
}
