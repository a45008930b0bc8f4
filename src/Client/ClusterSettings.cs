using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OrleansFlow.Client;

/// <summary>
/// The cluster settings the silo and the standalone client read alike: <c>Orleans:ClusterId</c>, <c>Orleans:ServiceId</c>
/// (default <c>orleansflow</c>), <c>Orleans:Clustering</c> (<c>localhost</c> or <c>redis</c> with <c>Orleans:Redis</c>),
/// <c>Orleans:SiloPort</c> (11111) and <c>Orleans:GatewayPort</c> (30000). Bad values throw naming the setting.
/// </summary>
/// <param name="ClusterId">The cluster id.</param>
/// <param name="ServiceId">The service id.</param>
/// <param name="Redis">The Redis connection string for Redis clustering; null for localhost clustering.</param>
/// <param name="SiloPort">The silo-to-silo port.</param>
/// <param name="GatewayPort">The client gateway port.</param>
public sealed record ClusterSettings(string ClusterId, string ServiceId, string? Redis, int SiloPort, int GatewayPort)
{
    /// <summary>Reads and checks the settings.</summary>
    public static ClusterSettings From(IConfiguration config)
    {
        var clustering = config["Orleans:Clustering"] ?? "localhost";
        string? redis = null;
        if (string.Equals(clustering, "redis", StringComparison.OrdinalIgnoreCase))
        {
            redis = config["Orleans:Redis"] ?? throw new InvalidOperationException(
                "Orleans:Clustering is 'redis' but Orleans:Redis (the connection string) is not set.");
        }
        else if (!string.Equals(clustering, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Orleans:Clustering must be 'localhost' or 'redis', got '{clustering}'.");
        }
        return new ClusterSettings(
            config["Orleans:ClusterId"] ?? "orleansflow",
            config["Orleans:ServiceId"] ?? "orleansflow",
            redis,
            Port(config, "Orleans:SiloPort", 11111),
            Port(config, "Orleans:GatewayPort", 30000));
    }

    /// <summary>
    /// Reads the settings (<see cref="From"/>), then hides the value of <c>Orleans:Clustering</c> from Orleans: its own
    /// configuration reader takes any value under <c>Orleans:Clustering</c> for a provider section and fails to start
    /// ("Could not find Clustering provider named 'Default'"), so <c>redis</c> could not start a silo. Call it before
    /// <c>UseOrleans</c>/<c>UseOrleansClient</c>.
    /// </summary>
    public static ClusterSettings TakeFrom(IConfiguration config)
    {
        var settings = From(config);
        if (config.GetSection("Orleans:Clustering") is { Value: not null } section && !section.GetChildren().Any()) config["Orleans:Clustering"] = null;
        return settings;
    }

    private static int Port(IConfiguration config, string key, int fallback)
    {
        var raw = config[key];
        if (raw is null) return fallback;
        if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new InvalidOperationException($"{key} must be a port number, got '{raw}'.");
        return port;
    }
}
