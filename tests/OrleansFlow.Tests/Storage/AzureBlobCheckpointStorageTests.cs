using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>The storage contract on Azure Blob Storage, against a real Azurite.</summary>
[Collection("azurite")]
public sealed class AzureBlobCheckpointStorageTests(AzuriteFixture azurite) : CheckpointStorageContractTests
{
    protected override ICheckpointStorage CreateStorage() => azurite.CreateStorage();

    [Fact]
    public void DescribeLocation_WhenPathGiven_IsTheBlobUri()
    {
        var storage = CreateStorage();

        var location = storage.DescribeLocation("jobs/j/chk-1/_metadata");

        Assert.StartsWith("http://127.0.0.1:", location, StringComparison.Ordinal);
        Assert.EndsWith("/jobs/j/chk-1/_metadata", location, StringComparison.Ordinal);
    }
}
