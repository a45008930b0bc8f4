using Microsoft.Extensions.Configuration;
using OrleansFlow.Client;

namespace OrleansFlow.Tests.Client;

public sealed class ClusterSettingsTests
{
    private static ConfigurationManager Config(params (string Key, string Value)[] values)
    {
        var config = new ConfigurationManager();
        config.AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)));
        return config;
    }

    [Fact]
    public void TakeFrom_WhenClusteringIsRedis_ReadsItAndHidesTheValueFromOrleansProviderConfiguration()
    {
        var config = Config(("Orleans:Clustering", "redis"), ("Orleans:Redis", "127.0.0.1:6379"), ("Orleans:SiloPort", "12000"));

        var settings = ClusterSettings.TakeFrom(config);

        Assert.Equal("127.0.0.1:6379", settings.Redis);
        Assert.Equal(12000, settings.SiloPort);
        Assert.False(config.GetSection("Orleans:Clustering").Exists()); // else Orleans looks for a clustering provider named 'Default'
        Assert.Equal("127.0.0.1:6379", config["Orleans:Redis"]);
    }

    [Fact]
    public void TakeFrom_WhenClusteringIsAProviderSection_LeavesItToOrleans()
    {
        var config = Config(("Orleans:Clustering:ProviderType", "Redis"));

        var settings = ClusterSettings.TakeFrom(config);

        Assert.Null(settings.Redis);
        Assert.Equal("Redis", config["Orleans:Clustering:ProviderType"]);
    }

    [Fact]
    public void From_WhenClusteringIsUnknown_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ClusterSettings.From(Config(("Orleans:Clustering", "zookeeper"))));

        Assert.Contains("Orleans:Clustering", error.Message, StringComparison.Ordinal);
    }
}
