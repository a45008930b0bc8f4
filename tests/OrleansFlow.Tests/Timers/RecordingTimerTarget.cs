using OrleansFlow.Api;
using OrleansFlow.Timers;

namespace OrleansFlow.Tests.Timers;

/// <summary>Records the timers that fire as "key@timestamp", and runs an optional reaction.</summary>
internal sealed class RecordingTimerTarget<TKey>(Action<TKey, long>? onTimer = null) : ITimerTarget<TKey> where TKey : notnull
{
    public List<string> Fired { get; } = [];

    public List<TimeDomain> Domains { get; } = [];

    public void OnTimer(TKey key, long timestamp, TimeDomain domain)
    {
        Fired.Add($"{key}@{timestamp}");
        Domains.Add(domain);
        onTimer?.Invoke(key, timestamp);
    }
}
