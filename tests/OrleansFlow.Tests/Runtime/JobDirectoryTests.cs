using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrleansFlow.Jobs;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// The job directory knows which jobs have not ended (those a lost silo is reported to), in memory and, after its
/// activation is lost, from each job's <c>job.json</c>.
/// </summary>
public sealed class JobDirectoryTests
{
    [Fact]
    public async Task ListActive_WhenJobsEnded_ListsOnlyTheOthersAlsoAfterTheDirectoryIsActivatedAgain()
    {
        var cluster = await TestClusters.StartAsync(silos: 1);
        try
        {
            var grains = cluster.Client;
            var running = await SubmitAsync(grains, new JobSpec { JobName = IdleJob.Name, Parallelism = 1, MaxParallelism = 128 });
            await JobWaits.WaitForAsync(grains, running, d => d.Status == JobStatus.Running);
            var canceled = await SubmitAsync(grains, new JobSpec { JobName = IdleJob.Name, Parallelism = 1, MaxParallelism = 128 });
            await JobWaits.WaitForAsync(grains, canceled, d => d.Status == JobStatus.Running);
            await grains.GetGrain<IJobManagerGrain>(canceled).Cancel();
            var finished = await SubmitAsync(grains, new JobSpec
            {
                JobName = "keyed-sum", Parallelism = 1, MaxParallelism = 128,
                Args = new Dictionary<string, string> { ["events"] = "1000", ["keys"] = "10" },
            });
            Assert.Equal(JobStatus.Finished, (await JobWaits.WaitForTerminalAsync(grains, finished)).Status);
            var unreadable = Guid.NewGuid().ToString("N");
            var storage = cluster.Silos[0].ServiceProvider.GetRequiredService<ICheckpointStorage>();
            await storage.WriteAsync(StoragePaths.JobFile(unreadable), Encoding.UTF8.GetBytes("not json"));
            var directory = grains.GetGrain<IJobDirectoryGrain>(0);

            Assert.Equal([running, canceled, finished], await directory.List());
            Assert.Equal([running], await directory.ListActive());

            await cluster.DeactivateAsync(directory); // the next call activates it again, from storage
            Assert.Equal(new[] { running, canceled, finished, unreadable }.Order(), (await directory.List()).Order());
            Assert.Equal(new[] { running, unreadable }.Order(), (await directory.ListActive()).Order()); // unreadable: not known to have ended

            await directory.Add(canceled); // submitted again under its id
            Assert.Contains(canceled, await directory.ListActive());
            await grains.GetGrain<IJobManagerGrain>(running).Cancel();
            Assert.DoesNotContain(running, await directory.ListActive());
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private static async Task<string> SubmitAsync(IGrainFactory grains, JobSpec spec)
    {
        var id = Guid.NewGuid().ToString("N");
        var result = await grains.GetGrain<IJobManagerGrain>(id).Submit(spec);
        Assert.True(result.Accepted, result.Message);
        return id;
    }
}
