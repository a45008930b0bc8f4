namespace OrleansFlow.Jobs;

/// <summary>The list of job ids, in memory (the job store of the checkpoint issue makes it durable).</summary>
[KeepAlive]
internal sealed class JobDirectoryGrain : Grain, IJobDirectoryGrain
{
    private readonly List<string> _jobs = [];
    private readonly HashSet<string> _known = [];

    public Task Add(string jobId)
    {
        if (_known.Add(jobId)) _jobs.Add(jobId);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> List() => Task.FromResult<IReadOnlyList<string>>(_jobs.ToArray());
}
