using System.Collections.Concurrent;

namespace OrleansFlow.BuiltIn;

/// <summary>
/// Faults injected into a job for testing recovery: each (job, event) fires once per silo process, so the event
/// succeeds when it is replayed after the restart. Jobs whose silos run in one process (the in-process test cluster)
/// see each fault exactly once.
/// </summary>
public static class FaultInjection
{
    private static readonly ConcurrentDictionary<(string JobId, long Event), bool> Fired = new();

    /// <summary>True the first time it is asked for (<paramref name="jobId"/>, <paramref name="eventIndex"/>) in this process.</summary>
    public static bool FireOnce(string jobId, long eventIndex) => Fired.TryAdd((jobId, eventIndex), true);

    /// <summary>How many faults fired for <paramref name="jobId"/>.</summary>
    public static int FiredCount(string jobId) => Fired.Keys.Count(k => k.JobId == jobId);
}
