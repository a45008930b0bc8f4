using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Checkpointing.Metadata;

/// <summary>The completed-checkpoint store on Azure Blob Storage, against the shared Azurite.</summary>
[Collection("azurite")]
public sealed class AzureBlobCompletedCheckpointStoreTests(AzuriteFixture azurite) : CompletedCheckpointStoreContractTests
{
    protected override ICheckpointStorage CreateStorage() => azurite.CreateStorage();
}
