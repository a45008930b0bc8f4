using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace OrleansFlow.Silo.Health;

/// <summary>
/// Readiness of the silo: its lifecycle reached <see cref="ServiceLifecycleStage.Active"/> (it joined its cluster and
/// accepts work), and has not begun to stop.
/// </summary>
internal sealed class SiloActiveHealthCheck : IHealthCheck, ILifecycleParticipant<ISiloLifecycle>
{
    private volatile bool _active;

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloActiveHealthCheck), ServiceLifecycleStage.Active, OnStart, OnStop);

    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_active
            ? HealthCheckResult.Healthy("The silo is active in its cluster.")
            : HealthCheckResult.Unhealthy("The silo has not joined its cluster yet, or is stopping."));

    private Task OnStart(CancellationToken cancellationToken)
    {
        _active = true;
        return Task.CompletedTask;
    }

    private Task OnStop(CancellationToken cancellationToken)
    {
        _active = false;
        return Task.CompletedTask;
    }
}
