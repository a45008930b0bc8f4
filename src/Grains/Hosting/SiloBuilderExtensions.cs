using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OrleansFlow.Api;
using OrleansFlow.BuiltIn;

namespace OrleansFlow.Hosting;

/// <summary>Adds OrleansFlow to an Orleans silo, as <c>AddMemoryGrainStorage</c> adds a provider.</summary>
public static class SiloBuilderExtensions
{
    /// <summary>Adds the OrleansFlow runtime (job manager and task grains) and the built-in jobs.</summary>
    public static ISiloBuilder AddOrleansFlow(this ISiloBuilder builder, Action<OrleansFlowOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<OrleansFlowOptions>();
        if (configure is not null) options.Configure(configure);
        builder.Services.AddSingleton<IValidateOptions<OrleansFlowOptions>, OrleansFlowOptionsValidator>();
        builder.Services.AddSingleton<StreamJobRegistry>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Jobs.JobGraphFactory>();
        builder.Services.AddSingleton(sp => new Network.NetworkBufferPool(sp.GetRequiredService<IOptions<OrleansFlowOptions>>().Value.NetworkMemory));
        builder.Services.AddSingleton<Checkpointing.CompletedCheckpointStore>();
        builder.Services.AddSingleton<Jobs.JobStore>();
        builder.Services.AddOptions<Connectors.SinkOptions>();
        builder.Services.AddSingleton<IValidateOptions<Connectors.SinkOptions>, Connectors.SinkOptionsValidator>();
        builder.Services.AddSingleton(sp => Connectors.SinkPathPolicy.From(
            sp.GetRequiredService<IOptions<Connectors.SinkOptions>>().Value, sp.GetRequiredService<IOptions<OrleansFlowOptions>>().Value));
        builder.Services.AddSingleton<Connectors.FileSinkLocations>();
        builder.Services.AddSingleton<Savepoints.SavepointInspector>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Jobs.JobRecoveryParticipant>();
        builder.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Jobs.SiloLossWatcher>();
        builder.Services.AddPlacementDirector<Placement.SubtaskSpreadPlacement, Placement.SubtaskSpreadPlacementDirector>();
        builder.Services.AddPlacementDirector<Placement.SiloPinnedPlacement, Placement.SiloPinnedPlacementDirector>();
        builder.Services.AddOptions<Storage.LocalFolderCheckpointStorageOptions>();
        builder.Services.TryAddSingleton<Storage.ICheckpointStorage, Storage.LocalFolderCheckpointStorage>(); // AddOrleansFlow…Storage replaces it
        builder.AddStreamJob<KeyedSumJob>(KeyedSumJob.Name);
        builder.AddStreamJob<WindowSumJob>(WindowSumJob.Name);
        builder.AddStreamJob<EventTimersJob>(EventTimersJob.Name);
        return builder;
    }

    /// <summary>
    /// Configures where file sinks may write (<see cref="Connectors.SinkOptions"/>, section <c>OrleansFlow:Sinks</c>):
    /// by default <c>{DataDirectory}/output</c> and the OS temp folder.
    /// </summary>
    public static ISiloBuilder ConfigureOrleansFlowSinks(this ISiloBuilder builder, Action<Connectors.SinkOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Registers a job type under <paramref name="name"/>, so it can be submitted by that name.</summary>
    public static ISiloBuilder AddStreamJob<TJob>(this ISiloBuilder builder, string name) where TJob : class, IStreamJob
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        builder.Services.AddSingleton(new StreamJobRegistration(name, typeof(TJob)));
        return builder;
    }
}
