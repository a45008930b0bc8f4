using OrleansFlow.Storage;
using OrleansFlow.Tests.Storage;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>The savepoint inspector on Azure Blob Storage, against the shared Azurite.</summary>
[Collection("azurite")]
public sealed class AzureBlobSavepointInspectorTests(AzuriteFixture azurite) : SavepointInspectorContractTests
{
    protected override ICheckpointStorage CreateStorage() => azurite.CreateStorage();
}
