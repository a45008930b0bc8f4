using System.Globalization;
using OrleansFlow.Client.Api;

namespace OrleansFlow.Client;

/// <summary>
/// The standalone REST client: an Orleans client of a running cluster serving the same API the silo co-hosts.
/// Configuration: <c>Urls</c> (default http://127.0.0.1:8081), <c>Orleans:Clustering</c> (<c>localhost</c>, with
/// <c>Orleans:GatewayPort</c>, default 30000; or <c>redis</c>, with <c>Orleans:Redis</c>), <c>Orleans:ClusterId</c>,
/// <c>Orleans:ServiceId</c> (default <c>orleansflow</c>).
/// </summary>
public static class OrleansFlowClientHost
{
    /// <summary>Creates the application.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var config = builder.Configuration;
        builder.WebHost.UseUrls(config["Urls"] ?? "http://127.0.0.1:8081");
        builder.Services.AddProblemDetails();
        builder.UseOrleansClient(client =>
        {
            var clusterId = config["Orleans:ClusterId"] ?? "orleansflow";
            var serviceId = config["Orleans:ServiceId"] ?? "orleansflow";
            var clustering = config["Orleans:Clustering"] ?? "localhost";
            if (string.Equals(clustering, "redis", StringComparison.OrdinalIgnoreCase))
            {
                var redis = config["Orleans:Redis"] ?? throw new InvalidOperationException(
                    "Orleans:Clustering is 'redis' but Orleans:Redis (the connection string) is not set.");
                client.UseRedisClustering(redis);
                client.Configure<Orleans.Configuration.ClusterOptions>(o => { o.ClusterId = clusterId; o.ServiceId = serviceId; });
            }
            else if (string.Equals(clustering, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                var raw = config["Orleans:GatewayPort"] ?? "30000";
                if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var gatewayPort) || gatewayPort is < 1 or > 65535)
                    throw new InvalidOperationException($"Orleans:GatewayPort must be a port number, got '{raw}'.");
                client.UseLocalhostClustering(gatewayPort, serviceId, clusterId);
            }
            else
            {
                throw new InvalidOperationException($"Orleans:Clustering must be 'localhost' or 'redis', got '{clustering}'.");
            }
        });
        var app = builder.Build();
        app.UseExceptionHandler();
        app.MapOrleansFlowApi();
        return app;
    }
}
