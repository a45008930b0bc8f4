using OrleansFlow.Jobs;

namespace OrleansFlow.Bench;

/// <summary>
/// A job run timed from its submission to the end time its job manager records when the last task finished. The job is
/// polled only every <see cref="Poll"/>: polling its details every few milliseconds (each poll asks every task for its
/// counters) cost the job 10–15 % of its throughput in measurements on the 2-core bench machine, so the poll does not
/// time anything.
/// </summary>
public static class TimedJobRun
{
    /// <summary>How often the job's status is polled.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Submits <paramref name="spec"/> as <paramref name="jobId"/> and waits until it is terminal; throws when it is refused or times out.</summary>
    /// <returns>The terminal details and the seconds from submission to the job's end time.</returns>
    public static async Task<(JobDetails Details, double Seconds)> RunAsync(IGrainFactory grains, string jobId, JobSpec spec, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var manager = grains.GetGrain<IJobManagerGrain>(jobId);
        var submitted = DateTimeOffset.UtcNow;
        var result = await manager.Submit(spec);
        if (!result.Accepted) throw new InvalidOperationException($"Job {spec.JobName} refused: {result.Message}");
        var deadline = submitted + timeout;
        while (true)
        {
            await Task.Delay(Poll);
            var details = await manager.GetDetails() ?? throw new InvalidOperationException($"Job {jobId} does not exist.");
            if (details.Status.IsTerminal()) return (details, ((details.EndTime ?? DateTimeOffset.UtcNow) - submitted).TotalSeconds);
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"Job {jobId} is {details.Status} after {timeout}.");
        }
    }
}
