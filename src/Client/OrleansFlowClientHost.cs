using OrleansFlow.Client.Api.Health;
using OrleansFlow.Client.Api.Hosting;

namespace OrleansFlow.Client;

/// <summary>
/// The standalone REST client: an Orleans client of a running cluster serving the same API the silo co-hosts.
/// Configuration: <c>Urls</c> (default http://127.0.0.1:8081), <c>Orleans:Clustering</c> (<c>localhost</c>, with
/// <c>Orleans:GatewayPort</c>, default 30000; or <c>redis</c>, with <c>Orleans:Redis</c>), <c>Orleans:ClusterId</c>,
/// <c>Orleans:ServiceId</c> (default <c>orleansflow</c>), <c>OrleansFlow:Api:…</c> (<see cref="ApiOptions"/>). Refuses to
/// build when the API would listen on anything but loopback without an API key.
/// </summary>
public static class OrleansFlowClientHost
{
    /// <summary>Creates the application.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var config = builder.Configuration;
        builder.AddOrleansFlowApi();
        builder.Services.AddHealthChecks().AddOrleansFlowClusterClientReadiness();
        var cluster = ClusterSettings.TakeFrom(config);
        builder.UseOrleansClient(client =>
        {
            if (cluster.Redis is { } redis)
            {
                client.UseRedisClustering(redis);
                client.Configure<Orleans.Configuration.ClusterOptions>(o => { o.ClusterId = cluster.ClusterId; o.ServiceId = cluster.ServiceId; });
            }
            else
            {
                client.UseLocalhostClustering(cluster.GatewayPort, cluster.ServiceId, cluster.ClusterId);
            }
        });
        var app = builder.Build();
        app.UseOrleansFlowApi();
        return app;
    }
}
