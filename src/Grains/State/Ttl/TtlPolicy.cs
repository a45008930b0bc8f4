namespace OrleansFlow.State.Ttl;

/// <summary>One state's time to live as its handle applies it: the clock, the duration, what renews, and the incremental cleanup.</summary>
internal sealed class TtlPolicy(StateTtlConfig config, Func<long> now)
{
    /// <summary>The time to live in milliseconds.</summary>
    public long TtlMs { get; } = (long)config.Ttl.TotalMilliseconds;

    /// <summary>Whether a read renews.</summary>
    public bool RenewOnRead { get; } = config.UpdateType == StateTtlUpdateType.OnReadAndWrite;

    /// <summary>The config.</summary>
    public StateTtlConfig Config { get; } = config;

    /// <summary>The task's processing time in epoch milliseconds.</summary>
    public long Now() => now();

    /// <summary>Runs at every access of the state (set by the backend when the config cleans up incrementally).</summary>
    public Action Cleanup { get; set; } = static () => { };

    /// <summary>Whether <paramref name="value"/> has expired now.</summary>
    public bool IsExpired<T>(TtlValue<T> value, long now) => value.IsExpired(now, TtlMs);
}
