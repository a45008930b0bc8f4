using Orleans.TestingHost;

namespace OrleansFlow.Tests.Runtime;

/// <summary>A test class whose every test gets a fresh in-process two-silo cluster with OrleansFlow and the test jobs.</summary>
public abstract class TwoSiloClusterTest : IAsyncLifetime
{
    protected InProcessTestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await TestClusters.StartAsync(silos: 2);

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}
