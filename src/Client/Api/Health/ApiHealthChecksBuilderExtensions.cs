using Microsoft.Extensions.DependencyInjection;

namespace OrleansFlow.Client.Api.Health;

/// <summary>Adds the standalone client's readiness check.</summary>
public static class ApiHealthChecksBuilderExtensions
{
    /// <summary>Adds <c>cluster-client</c> (tag <see cref="ApiHealthTags.Ready"/>): the cluster answers a management grain call in time.</summary>
    public static IHealthChecksBuilder AddOrleansFlowClusterClientReadiness(this IHealthChecksBuilder builder) =>
        builder.AddCheck<ClusterClientHealthCheck>("cluster-client", tags: [ApiHealthTags.Ready]);
}
