using OrleansFlow.Client;
using OrleansFlow.Client.Api.Hosting;
using OrleansFlow.Hosting;
using OrleansFlow.Silo.Health;
using OrleansFlow.Storage;

namespace OrleansFlow.Silo;

/// <summary>
/// Builds the silo process: an Orleans silo with OrleansFlow, co-hosting the REST API.
/// Configuration (appsettings.json, environment <c>OrleansFlow__…</c>/<c>Orleans__…</c>, or command line
/// <c>--Orleans:SiloPort=11112</c>): <c>Urls</c> (default http://127.0.0.1:8081), <c>Orleans:SiloPort</c> (11111),
/// <c>Orleans:GatewayPort</c> (30000), <c>Orleans:Clustering</c> (<c>localhost</c> or <c>redis</c>),
/// <c>Orleans:Redis</c> (connection string), <c>OrleansFlow:DataDirectory</c> (./data),
/// <c>OrleansFlow:Sinks:AllowedDirectories</c> (where file sinks may write), <c>OrleansFlow:Storage:Provider</c>
/// (<c>local</c> or <c>azure</c>, with <c>OrleansFlow:Storage:ConnectionString</c> and <c>ContainerName</c>),
/// <c>OrleansFlow:Api:…</c> (<see cref="ApiOptions"/>: keys, body limit, request deadline), <c>--demo</c>.
/// Refuses to build (<see cref="Microsoft.Extensions.Options.OptionsValidationException"/>) when the API would listen on
/// anything but loopback without an API key.
/// </summary>
public static class OrleansFlowSiloHost
{
    /// <summary>Creates the application; <paramref name="configureSilo"/> lets tests add jobs or services.</summary>
    public static WebApplication Build(string[] args, Action<ISiloBuilder>? configureSilo = null)
    {
        var demo = args.Contains("--demo");
        var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
        var config = builder.Configuration;
        builder.AddOrleansFlowApi();
        builder.Services.AddHealthChecks().AddOrleansFlowSiloReadiness();
        var cluster = ClusterSettings.TakeFrom(config);
        builder.UseOrleans(silo =>
        {
            if (cluster.Redis is { } redis)
            {
                silo.UseRedisClustering(redis);
                silo.Configure<Orleans.Configuration.ClusterOptions>(o => { o.ClusterId = cluster.ClusterId; o.ServiceId = cluster.ServiceId; });
                silo.ConfigureEndpoints(System.Net.IPAddress.Loopback, cluster.SiloPort, cluster.GatewayPort);
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, serviceId: cluster.ServiceId, clusterId: cluster.ClusterId);
            }
            silo.AddOrleansFlow(o => config.GetSection(OrleansFlowOptions.SectionName).Bind(o));
            silo.ConfigureOrleansFlowSinks(o => config.GetSection(Connectors.SinkOptions.SectionName).Bind(o));
            AddStorage(silo, config);
            configureSilo?.Invoke(silo);
        });
        if (demo) builder.Services.AddHostedService<DemoJobService>();

        var app = builder.Build();
        app.UseOrleansFlowApi();
        return app;
    }

    /// <summary><c>OrleansFlow:Storage:Provider</c>: <c>local</c> (default; <c>RootDirectory</c>, default the data directory) or <c>azure</c> (<c>ConnectionString</c>, <c>ContainerName</c>).</summary>
    private static void AddStorage(ISiloBuilder silo, IConfiguration config)
    {
        var storage = config.GetSection("OrleansFlow:Storage");
        var provider = storage["Provider"] ?? "local";
        if (string.Equals(provider, "local", StringComparison.OrdinalIgnoreCase))
        {
            silo.AddOrleansFlowLocalStorage(o =>
            {
                o.RootDirectory = storage["RootDirectory"] ?? config["OrleansFlow:DataDirectory"] ?? "data";
                storage.Bind(o);
            });
        }
        else if (string.Equals(provider, "azure", StringComparison.OrdinalIgnoreCase))
        {
            silo.AddOrleansFlowAzureBlobStorage(storage.Bind);
        }
        else
        {
            throw new InvalidOperationException($"OrleansFlow:Storage:Provider must be 'local' or 'azure', got '{provider}'.");
        }
    }
}
