using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Client.Api.Health;

/// <summary>
/// Readiness of the standalone client: the cluster client reaches the cluster, i.e. a management grain call (the active
/// silos) answers within <c>OrleansFlow:Api:RequestTimeout</c> and names at least one silo.
/// </summary>
internal sealed class ClusterClientHealthCheck(IClusterClient client, IOptions<ApiOptions> options) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.RequestTimeout;
        try
        {
            var silos = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(timeout, cancellationToken);
            return silos.Count > 0
                ? HealthCheckResult.Healthy($"{silos.Count} active silo(s)")
                : HealthCheckResult.Unhealthy("The cluster has no active silo.");
        }
        catch (TimeoutException e)
        {
            return HealthCheckResult.Unhealthy($"The cluster did not answer within {timeout.TotalSeconds:0.###} s.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The cluster cannot be reached ({e.GetType().Name}).", e);
        }
    }
}
