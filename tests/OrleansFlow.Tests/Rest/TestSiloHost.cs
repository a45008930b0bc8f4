using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using OrleansFlow.Silo;

namespace OrleansFlow.Tests.Rest;

/// <summary>
/// A real silo host (<see cref="OrleansFlowSiloHost.Build"/>) co-hosting the REST API on free loopback ports, with its
/// own cluster id and a temporary data directory; extra command-line settings and silo configuration (services, jobs, a
/// logger provider) come from the caller. Disposing stops it and deletes the directory.
/// </summary>
internal sealed class TestSiloHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private TestSiloHost(WebApplication app, string tempDirectory, string clusterId, int httpPort, int gatewayPort)
    {
        _app = app;
        TempDirectory = tempDirectory;
        ClusterId = clusterId;
        GatewayPort = gatewayPort;
        BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/");
        Client = CreateClient();
    }

    /// <summary>The temporary directory holding the silo's data directory (<c>data</c>) and whatever tests put there.</summary>
    public string TempDirectory { get; }

    /// <summary>The cluster id of the silo.</summary>
    public string ClusterId { get; }

    /// <summary>The silo's gateway port (for standalone Orleans clients).</summary>
    public int GatewayPort { get; }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>A client of the API without credentials.</summary>
    public HttpClient Client { get; }

    /// <summary>Starts a silo with the test defaults (ports, cluster id, data directory, file sinks inside its temporary folder, warnings only) and then <paramref name="args"/>.</summary>
    public static async Task<TestSiloHost> StartAsync(IEnumerable<string>? args = null, Action<ISiloBuilder>? configureSilo = null)
    {
        var tempDirectory = Path.Combine(Path.GetTempPath(), "orleansflow-rest-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(tempDirectory);
        var clusterId = $"rest-tests-{Guid.NewGuid():N}";
        var (httpPort, siloPort, gatewayPort) = FreePorts();
        string[] all =
        [
            $"--Urls=http://127.0.0.1:{httpPort}",
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
            $"--Orleans:ClusterId={clusterId}",
            $"--OrleansFlow:DataDirectory={Path.Combine(tempDirectory, "data")}",
            // Outputs only inside this host's own folder (not the whole temp folder, which may hold the clone itself).
            $"--OrleansFlow:Sinks:AllowedDirectories:0={tempDirectory}",
            "--Logging:LogLevel:Default=Warning",
            .. args ?? [],
        ];
        var app = OrleansFlowSiloHost.Build(all, configureSilo);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new TestSiloHost(app, tempDirectory, clusterId, httpPort, gatewayPort);
    }

    /// <summary>A new client of the API; with <paramref name="apiKey"/>, every request carries <c>Authorization: Bearer</c> it.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_stopped)
        {
            _stopped = true;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            finally
            {
                await _app.DisposeAsync();
            }
        }
        try
        {
            if (Directory.Exists(TempDirectory)) Directory.Delete(TempDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the directory is under the temp path.
        }
    }

    /// <summary>Three distinct free TCP ports on 127.0.0.1 (all held open together so they differ).</summary>
    public static (int Http, int Silo, int Gateway) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var l in listeners) l.Start();
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var l in listeners) l.Stop();
        }
    }
}
