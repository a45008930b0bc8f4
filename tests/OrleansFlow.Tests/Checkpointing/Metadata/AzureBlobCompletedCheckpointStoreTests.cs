using Microsoft.Extensions.Options;
using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Checkpointing.Metadata;

/// <summary>The completed-checkpoint store on Azure Blob Storage, against the shared Azurite.</summary>
[Collection("azurite")]
public sealed class AzureBlobCompletedCheckpointStoreTests(AzuriteFixture azurite) : CompletedCheckpointStoreContractTests
{
    protected override ICheckpointStorage CreateStorage() =>
        new AzureBlobCheckpointStorage(Options.Create(new AzureBlobCheckpointStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            ContainerName = "t" + Guid.NewGuid().ToString("N"), // a container per test keeps tests apart
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        }));
}
