using Microsoft.Extensions.Options;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Storage;

/// <summary>The storage contract on Azure Blob Storage, against a real Azurite.</summary>
[Collection("azurite")]
public sealed class AzureBlobCheckpointStorageTests(AzuriteFixture azurite) : CheckpointStorageContractTests
{
    protected override ICheckpointStorage CreateStorage() =>
        new AzureBlobCheckpointStorage(Options.Create(new AzureBlobCheckpointStorageOptions
        {
            ConnectionString = azurite.ConnectionString,
            ContainerName = "t" + Guid.NewGuid().ToString("N"), // a container per test keeps tests apart
            MaxRetries = 1,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        }));

    [Fact]
    public void DescribeLocation_WhenPathGiven_IsTheBlobUri()
    {
        var storage = CreateStorage();

        var location = storage.DescribeLocation("jobs/j/chk-1/_metadata");

        Assert.StartsWith("http://127.0.0.1:", location, StringComparison.Ordinal);
        Assert.EndsWith("/jobs/j/chk-1/_metadata", location, StringComparison.Ordinal);
    }
}
