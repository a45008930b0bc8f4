using Microsoft.Extensions.Logging;

namespace OrleansFlow.Jobs;

/// <summary>
/// The list of job ids and which have ended: loaded from <c>jobs/*/job.json</c> on activation (a job whose file cannot be
/// read counts as not ended, so a silo loss still reaches it), then kept in memory.
/// </summary>
[KeepAlive]
internal sealed partial class JobDirectoryGrain(JobStore store, ILogger<JobDirectoryGrain> logger) : Grain, IJobDirectoryGrain
{
    private const int ParallelLoads = 8;
    private readonly List<string> _jobs = [];
    private readonly HashSet<string> _known = [];
    private readonly HashSet<string> _ended = [];

    /// <summary>Starts from the jobs in storage, so the list survives the loss of this activation's silo.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await store.ListJobIdsAsync(cancellationToken))
        {
            if (_known.Add(id)) _jobs.Add(id);
        }
        await Parallel.ForEachAsync(_jobs.ToList(), new ParallelOptions { MaxDegreeOfParallelism = ParallelLoads, CancellationToken = cancellationToken }, async (id, token) =>
        {
            JobStatus? status = null;
            try
            {
                status = (await store.LoadAsync(id, token))?.Status;
            }
            catch (Exception e) when (e is not OperationCanceledException) // corrupt, or a storage error: the job may still run
            {
                LogUnreadable(e, id);
            }
            if (status is { } s && s.IsTerminal())
            {
                lock (_ended) _ended.Add(id);
            }
        });
    }

    public Task Add(string jobId)
    {
        if (_known.Add(jobId)) _jobs.Add(jobId);
        _ended.Remove(jobId);
        return Task.CompletedTask;
    }

    public Task Ended(string jobId)
    {
        if (_known.Add(jobId)) _jobs.Add(jobId);
        _ended.Add(jobId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>(_jobs.ToArray());

    public Task<IReadOnlyList<string>> ListActive() => Task.FromResult<IReadOnlyList<string>>(_jobs.Where(j => !_ended.Contains(j)).ToArray());

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: job.json cannot be read; the job counts as not ended")]
    private partial void LogUnreadable(Exception exception, string jobId);
}
