using OrleansFlow.Api;

namespace OrleansFlow.Timers;

/// <summary>What a fired timer calls: the keyed operator that registered it (Flink's <c>Triggerable</c>).</summary>
internal interface ITimerTarget<TKey> where TKey : notnull
{
    /// <summary>
    /// The timer of <paramref name="key"/> at <paramref name="timestamp"/> in <paramref name="domain"/> fired; the key is
    /// the state backend's current key. The target may register and delete timers, including ones that are due.
    /// </summary>
    void OnTimer(TKey key, long timestamp, TimeDomain domain);
}
