namespace OrleansFlow.Jobs;

/// <summary>The list of job ids: loaded from <c>jobs/*/job.json</c> on activation, then kept in memory.</summary>
[KeepAlive]
internal sealed class JobDirectoryGrain(JobStore store) : Grain, IJobDirectoryGrain
{
    private readonly List<string> _jobs = [];
    private readonly HashSet<string> _known = [];

    /// <summary>Starts from the jobs in storage, so the list survives the loss of this activation's silo.</summary>
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var id in await store.ListJobIdsAsync(cancellationToken))
        {
            if (_known.Add(id)) _jobs.Add(id);
        }
    }

    public Task Add(string jobId)
    {
        if (_known.Add(jobId)) _jobs.Add(jobId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>(_jobs.ToArray());
}
