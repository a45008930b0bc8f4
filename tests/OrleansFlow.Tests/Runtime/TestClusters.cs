using Orleans.TestingHost;
using OrleansFlow.Hosting;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Builds in-process Orleans clusters with OrleansFlow and the test jobs.</summary>
internal static class TestClusters
{
    public static async Task<InProcessTestCluster> StartAsync(int silos, Action<OrleansFlowOptions>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo
            .AddOrleansFlow(configure)
            .AddStreamJob<TwoStageJob>(TwoStageJob.Name)
            .AddStreamJob<FifoProbeJob>(FifoProbeJob.Name)
            .AddStreamJob<OperatorsJob>(OperatorsJob.Name)
            .AddStreamJob<FailingJob>(FailingJob.Name));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
