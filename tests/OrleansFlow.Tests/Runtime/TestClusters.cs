using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansFlow.Hosting;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Builds in-process Orleans clusters with OrleansFlow and the test jobs.</summary>
internal static class TestClusters
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<InProcessTestCluster, string> Roots = [];

    /// <summary>
    /// The folder a test cluster keeps its jobs and checkpoints in, or its blob container's name (one per cluster, so no
    /// cluster resumes another's jobs).
    /// </summary>
    public static string StorageRootOf(InProcessTestCluster cluster) => Roots.TryGetValue(cluster, out var root) ? root : throw new ArgumentException("Not a test cluster.");

    /// <summary>
    /// A cluster of <paramref name="silos"/> silos on a local folder of its own, or, with
    /// <paramref name="azureConnectionString"/>, on a blob container of its own (e.g. in Azurite); with
    /// <paramref name="decorateStorage"/>, every silo's storage is wrapped by what it returns (fault injection).
    /// </summary>
    public static async Task<InProcessTestCluster> StartAsync(
        int silos, Action<OrleansFlowOptions>? configure = null, string? azureConnectionString = null, Func<ICheckpointStorage, ICheckpointStorage>? decorateStorage = null,
        Action<ISiloBuilder>? configureSilo = null)
    {
        var storageRoot = Path.Combine(Path.GetTempPath(), "orleansflow-cluster-storage", Guid.NewGuid().ToString("N"));
        var container = "cluster" + Guid.NewGuid().ToString("N");
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddOrleansFlow(configure);
            if (azureConnectionString is null) silo.AddOrleansFlowLocalStorage(o => o.RootDirectory = storageRoot);
            else silo.AddOrleansFlowAzureBlobStorage(o => { o.ConnectionString = azureConnectionString; o.ContainerName = container; });
            if (decorateStorage is not null)
            {
                var registered = silo.Services.Last(d => d.ServiceType == typeof(ICheckpointStorage));
                silo.Services.Remove(registered);
                silo.Services.AddSingleton(sp => decorateStorage((ICheckpointStorage)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)));
            }
            AddTestJobs(silo);
            configureSilo?.Invoke(silo);
        });
        var cluster = builder.Build();
        Roots.Add(cluster, azureConnectionString is null ? storageRoot : container);
        await cluster.DeployAsync();
        return cluster;
    }

    private static void AddTestJobs(ISiloBuilder silo) => silo
            .AddStreamJob<TwoStageJob>(TwoStageJob.Name)
            .AddStreamJob<FifoProbeJob>(FifoProbeJob.Name)
            .AddStreamJob<OperatorsJob>(OperatorsJob.Name)
            .AddStreamJob<FailingJob>(FailingJob.Name)
            .AddStreamJob<EventLogJob>(EventLogJob.Name)
            .AddStreamJob<IdleJob>(IdleJob.Name)
            .AddStreamJob<StringSumJob>(StringSumJob.Name)
            .AddStreamJob<SkewedJob>(SkewedJob.Name)
            .AddStreamJob<EventTimeProbeJob>(EventTimeProbeJob.Name)
            .AddStreamJob<TrickleJob>(TrickleJob.Name)
            .AddStreamJob<TimerWindowJob>(TimerWindowJob.Name)
            .AddStreamJob<ProcessingTimeJob>(ProcessingTimeJob.Name)
            .AddStreamJob<WindowVariantsJob>(WindowVariantsJob.Name)
            .AddStreamJob<UnionJob>(UnionJob.Name)
            .AddStreamJob<ConnectJob>(ConnectJob.Name)
            .AddStreamJob<JoinJob>(JoinJob.Name)
            .AddStreamJob<OperatorStateJob>(OperatorStateJob.Name)
            .AddStreamJob<BroadcastJob>(BroadcastJob.Name)
            .AddStreamJob<TtlSumJob>(TtlSumJob.Name)
            .AddStreamJob<BlockingTurnJob>(BlockingTurnJob.Name);
}
