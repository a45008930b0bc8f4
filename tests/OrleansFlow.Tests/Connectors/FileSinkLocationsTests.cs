using Microsoft.Extensions.Options;
using OrleansFlow.Connectors;
using OrleansFlow.Storage;

namespace OrleansFlow.Tests.Connectors;

public sealed class FileSinkLocationsTests
{
    private const string DevelopmentStorage =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;";

    private static FileSinkLocations Locations(string? connectionString) =>
        new(Options.Create(new AzureBlobCheckpointStorageOptions { ConnectionString = connectionString }),
            new SinkPathPolicy(["/tmp/somewhere"], "/tmp/somewhere/output"));

    [Fact]
    public void Create_WhenLocalPath_WritesToThatFolder()
    {
        var sink = Locations(null).Create<int>("/tmp/somewhere/out", i => $"{i}");

        Assert.Equal("/tmp/somewhere/out", sink.Location);
    }

    [Fact]
    public void Create_WhenLocalPathIsRelative_WritesUnderTheOutputRoot() =>
        Assert.Equal("/tmp/somewhere/output/run-1", Locations(null).Create<int>("run-1", i => $"{i}").Location);

    [Fact]
    public void Create_WhenLocalPathIsNotAllowed_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => Locations(null).Create<int>("/tmp/elsewhere", i => $"{i}"));

        Assert.Contains("OrleansFlow:Sinks:AllowedDirectories", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("blob:results/run-1", "/results/run-1/")]
    [InlineData("blob:results", "/results/")]
    public void Create_WhenBlobLocation_WritesToThatContainerAndPrefix(string location, string expectedSuffix)
    {
        var sink = Locations(DevelopmentStorage).Create<int>(location, i => $"{i}");

        Assert.StartsWith("http://127.0.0.1:10000/devstoreaccount1/", sink.Location, StringComparison.Ordinal);
        Assert.EndsWith(expectedSuffix, sink.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenBlobLocationButNoConnectionString_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => Locations(null).Create<int>("blob:results", i => $"{i}"));

        Assert.Contains("OrleansFlow:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_WhenBlobLocationHasNoContainer_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => Locations(DevelopmentStorage).Create<int>("blob:/", i => $"{i}"));

        Assert.Contains("no container", error.Message, StringComparison.Ordinal);
    }
}
