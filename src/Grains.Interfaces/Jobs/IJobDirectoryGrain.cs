using Orleans.Concurrency;
namespace OrleansFlow.Jobs;

/// <summary>
/// The cluster-wide list of job ids (key 0), and which of them have not ended. Calls are small and idempotent.
/// Protocol: a job manager calls <see cref="Add"/> when it accepts a submission and <see cref="Ended"/> when its job
/// becomes terminal, awaiting each (so the two cannot arrive out of order). A fresh activation (the directory's silo
/// was lost, or the cluster restarted) starts from <c>jobs/*/job.json</c> and each job's recorded status.
/// </summary>
[Alias("OrleansFlow.IJobDirectoryGrain")]
public interface IJobDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Adds a job id, as not ended (idempotent; a job submitted again under its id is not ended any more).</summary>
    [Alias("Add")]
    Task Add(string jobId);

    /// <summary>Marks a job as ended: finished, cancelled or failed (idempotent; unknown ids are added as ended).</summary>
    [Alias("Ended")]
    Task Ended(string jobId);

    /// <summary>All job ids in submission order.</summary>
    [Alias("List"), ReadOnly]
    Task<IReadOnlyList<string>> List();

    /// <summary>The ids of the jobs that have not ended, in submission order: those a lost silo may concern.</summary>
    [Alias("ListActive"), ReadOnly]
    Task<IReadOnlyList<string>> ListActive();
}
