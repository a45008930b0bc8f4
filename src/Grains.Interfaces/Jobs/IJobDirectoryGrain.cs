using Orleans.Concurrency;
namespace OrleansFlow.Jobs;

/// <summary>The cluster-wide list of job ids (key 0). Calls are small and idempotent.</summary>
[Alias("OrleansFlow.IJobDirectoryGrain")]
public interface IJobDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a job id (idempotent).</summary>
    [Alias("Add")]
    Task Add(string jobId);

    /// <summary>All job ids in submission order.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<string>> List();
}
