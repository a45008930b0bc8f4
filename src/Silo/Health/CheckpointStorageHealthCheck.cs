using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OrleansFlow.Client.Api.Hosting;
using OrleansFlow.Storage;

namespace OrleansFlow.Silo.Health;

/// <summary>
/// Readiness of the silo's checkpoint storage: a cheap read (the length of an object that does not exist, one request
/// on Azure Blob Storage) answers within <c>OrleansFlow:Api:RequestTimeout</c> without an error.
/// </summary>
internal sealed class CheckpointStorageHealthCheck(ICheckpointStorage storage, IOptions<ApiOptions> options) : IHealthCheck
{
    /// <summary>The object read by the probe; it is never written.</summary>
    internal const string ProbePath = "healthz-probe";

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var timeout = options.Value.RequestTimeout;
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await storage.GetLengthAsync(ProbePath, deadline.Token).WaitAsync(deadline.Token);
            return HealthCheckResult.Healthy("The checkpoint storage answers.");
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"The checkpoint storage did not answer within {timeout.TotalSeconds:0.###} s.", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"The checkpoint storage failed ({e.GetType().Name}).", e);
        }
    }
}
