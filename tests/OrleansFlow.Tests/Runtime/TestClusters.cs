using Orleans.TestingHost;
using OrleansFlow.Hosting;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Builds in-process Orleans clusters with OrleansFlow and the test jobs.</summary>
internal static class TestClusters
{
    /// <summary>The folder all test clusters of this run keep checkpoints in (one sub-folder per job id).</summary>
    public static readonly string StorageRoot = Path.Combine(Path.GetTempPath(), "orleansflow-cluster-storage", Guid.NewGuid().ToString("N"));

    public static async Task<InProcessTestCluster> StartAsync(int silos, Action<OrleansFlowOptions>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo
            .AddOrleansFlow(configure)
            .AddOrleansFlowLocalStorage(o => o.RootDirectory = StorageRoot)
            .AddStreamJob<TwoStageJob>(TwoStageJob.Name)
            .AddStreamJob<FifoProbeJob>(FifoProbeJob.Name)
            .AddStreamJob<OperatorsJob>(OperatorsJob.Name)
            .AddStreamJob<FailingJob>(FailingJob.Name));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
