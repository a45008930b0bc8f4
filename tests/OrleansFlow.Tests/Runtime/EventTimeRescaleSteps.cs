using OrleansFlow.Jobs;
using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// The steps of the event-time rescale tests: stop with a savepoint and restore at other parallelisms, or rescale a
/// running job, each once the keyed vertex's input watermark passed a given event time (so timers and windows are
/// pending at each step).
/// </summary>
internal static class EventTimeRescaleSteps
{
    /// <summary>
    /// Per stage: submits (<paramref name="submit"/>(parallelism, savepoint)), waits until vertex <paramref name="uid"/>'s
    /// watermark passed the stage's progress, and stops it with a savepoint; returns the last savepoint.
    /// </summary>
    public static async Task<string> StopAtEachAsync(
        IGrainFactory grains, Func<int, string?, Task<string>> submit, string uid, params (int Parallelism, long Progress)[] stages)
    {
        string? savepoint = null;
        foreach (var (parallelism, progress) in stages)
        {
            var jobId = await submit(parallelism, savepoint);
            await JobWaits.WaitForAsync(grains, jobId, d => d.Status == JobStatus.Running && d.Vertices.Single(v => v.Uid == uid).InputWatermark > progress);
            savepoint = await SavepointSteps.StopAsync(grains, jobId);
        }
        return savepoint!;
    }

    /// <summary>Per stage: once vertex <paramref name="uid"/>'s watermark passed its progress, rescales the running job to its parallelism.</summary>
    public static async Task RescaleAtEachAsync(IGrainFactory grains, string jobId, string uid, params (int Parallelism, long Progress)[] stages)
    {
        var attempt = 1;
        foreach (var (parallelism, progress) in stages)
        {
            await JobWaits.WaitForAsync(grains, jobId, d => d.Status == JobStatus.Running && d.Attempt == attempt
                && d.Vertices.Single(v => v.Uid == uid).InputWatermark > progress);
            var status = await SavepointSteps.TakeAsync(grains, jobId, new SavepointRequest { Mode = SavepointMode.Rescale, Parallelism = parallelism });
            Assert.True(status.Status == SavepointStatusKind.Completed, status.FailureCause);
            attempt++;
        }
    }
}
