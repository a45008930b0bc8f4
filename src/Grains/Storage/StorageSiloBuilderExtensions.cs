using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OrleansFlow.Storage;

/// <summary>Chooses the checkpoint storage of a silo, as Orleans' <c>AddMemoryGrainStorage</c> chooses a grain storage.</summary>
public static class StorageSiloBuilderExtensions
{
    /// <summary>Stores checkpoints, savepoints and job files in a local folder (the default, <c>./data</c>).</summary>
    public static ISiloBuilder AddOrleansFlowLocalStorage(this ISiloBuilder builder, Action<LocalFolderCheckpointStorageOptions>? configure = null)
    {
        var options = builder.Services.AddOptions<LocalFolderCheckpointStorageOptions>();
        if (configure is not null) options.Configure(configure);
        builder.Services.AddSingleton<IValidateOptions<LocalFolderCheckpointStorageOptions>, LocalFolderCheckpointStorageOptionsValidator>();
        builder.Services.RemoveAll<ICheckpointStorage>();
        builder.Services.AddSingleton<ICheckpointStorage, LocalFolderCheckpointStorage>();
        return builder;
    }

    /// <summary>Stores checkpoints, savepoints and job files in Azure Blob Storage (or Azurite).</summary>
    public static ISiloBuilder AddOrleansFlowAzureBlobStorage(this ISiloBuilder builder, Action<AzureBlobCheckpointStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<AzureBlobCheckpointStorageOptions>().Configure(configure);
        builder.Services.AddSingleton<IValidateOptions<AzureBlobCheckpointStorageOptions>, AzureBlobCheckpointStorageOptionsValidator>();
        builder.Services.RemoveAll<ICheckpointStorage>();
        builder.Services.AddSingleton<ICheckpointStorage, AzureBlobCheckpointStorage>();
        return builder;
    }
}
