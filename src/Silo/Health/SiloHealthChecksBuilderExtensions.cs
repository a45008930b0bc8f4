using OrleansFlow.Client.Api.Health;

namespace OrleansFlow.Silo.Health;

/// <summary>Adds the silo's readiness checks.</summary>
public static class SiloHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds <c>silo</c> (the silo lifecycle is active) and <c>checkpoint-storage</c> (the storage answers), both tagged
    /// <see cref="ApiHealthTags.Ready"/>.
    /// </summary>
    public static IHealthChecksBuilder AddOrleansFlowSiloReadiness(this IHealthChecksBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<SiloActiveHealthCheck>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<SiloActiveHealthCheck>());
        return builder
            .AddCheck<SiloActiveHealthCheck>("silo", tags: [ApiHealthTags.Ready])
            .AddCheck<CheckpointStorageHealthCheck>("checkpoint-storage", tags: [ApiHealthTags.Ready]);
    }
}
