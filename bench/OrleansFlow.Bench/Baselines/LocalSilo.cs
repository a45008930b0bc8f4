using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OrleansFlow.Bench.Baselines;

/// <summary>An in-process single-silo host (localhost clustering on free ports) with a co-hosted client.</summary>
public sealed class LocalSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private LocalSilo(IHost host)
    {
        _host = host;
        GrainFactory = host.Services.GetRequiredService<IGrainFactory>();
    }

    public IGrainFactory GrainFactory { get; }

    public static async Task<LocalSilo> StartAsync()
    {
        int siloPort = GetFreePort();
        int gatewayPort = GetFreePort();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // The watchdog reports spurious "participant check" stalls while a benchmark saturates both cores.
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        // Deactivating 100k grain-per-key activations at shutdown takes >1 s, which the lifecycle logs as a warning.
        builder.Logging.AddFilter("Orleans.Runtime.SiloLifecycleSubject", LogLevel.Error);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(siloPort, gatewayPort));
        var host = builder.Build();
        await host.StartAsync();
        return new LocalSilo(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int GetFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
