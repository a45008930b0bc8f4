using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Waits for a job to reach a status by polling its job manager, with a deadline (not a timer wait).</summary>
internal static class JobWaits
{
    public static async Task<JobDetails> WaitForAsync(IGrainFactory grains, string jobId, Func<JobDetails, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        JobDetails? details = null;
        while (DateTime.UtcNow < deadline)
        {
            details = await grains.GetGrain<IJobManagerGrain>(jobId).GetDetails();
            if (details is not null && condition(details)) return details;
            await Task.Delay(50);
        }
        var vertices = details is null ? "" : string.Join("; ", details.Vertices.Select(v =>
            $"{v.Uid} in {v.RecordsIn} out {v.RecordsOut} on {string.Join(",", v.Subtasks.Select(t => t.Host).Distinct())}"));
        throw new TimeoutException($"Job {jobId} did not reach the expected state; last: {details?.Status} attempt {details?.Attempt} {details?.FailureCause} [{vertices}]");
    }

    public static Task<JobDetails> WaitForTerminalAsync(IGrainFactory grains, string jobId, TimeSpan? timeout = null) =>
        WaitForAsync(grains, jobId, d => d.Status.IsTerminal(), timeout);
}
