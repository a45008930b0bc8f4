using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>A test class whose every test gets a fresh in-process two-silo cluster with OrleansFlow and the test jobs.</summary>
public abstract class TwoSiloClusterTest : IAsyncLifetime
{
    protected InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>
    /// Two silos with random placement for grains without a strategy of their own (job managers): Orleans' default,
    /// resource-optimized placement, can keep choosing the same one of two silos in one process, and these tests need a
    /// job manager on a given silo (<see cref="SubmitIdleJobWithManagerAsync"/>).
    /// </summary>
    public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync(silos: 2, decorateStorage: DecorateStorage,
        configureSilo: silo => silo.Services.AddSingleton<Orleans.Runtime.PlacementStrategy, Orleans.Runtime.RandomPlacement>());

    /// <summary>Wraps every silo's storage (fault injection); none by default.</summary>
    protected virtual Func<OrleansFlow.Storage.ICheckpointStorage, OrleansFlow.Storage.ICheckpointStorage>? DecorateStorage => null;

    /// <summary>
    /// Submits idle jobs (parallelism 2, 20 ms restart delay) until one's job manager runs on a silo whose endpoint
    /// <paramref name="wanted"/> accepts, cancelling the others; returns that job's id. The
    /// submissions are sent from each silo in turn, with random placement (see <see cref="InitializeAsync"/>).
    /// </summary>
    protected async Task<string> SubmitIdleJobWithManagerAsync(Func<string, bool> wanted)
    {
        for (var i = 0; i < 50; i++)
        {
            var id = Guid.NewGuid().ToString("N");
            var origin = Cluster.Silos[i % Cluster.Silos.Count].ServiceProvider.GetRequiredService<IGrainFactory>();
            var result = await origin.GetGrain<IJobManagerGrain>(id).Submit(new JobSpec
            {
                JobName = IdleJob.Name, Parallelism = 2, MaxParallelism = 128,
                RestartStrategy = new RestartStrategySettings { DelayMs = 20 },
            });
            Assert.True(result.Accepted, result.Message);
            var details = await JobWaits.WaitForAsync(Cluster.Client, id, d => d.Status == JobStatus.Running);
            if (wanted(details.ManagerHost!)) return id;
            await Cluster.Client.GetGrain<IJobManagerGrain>(id).Cancel();
        }
        Assert.Fail("50 job managers in a row were placed on the other silo.");
        return "";
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
