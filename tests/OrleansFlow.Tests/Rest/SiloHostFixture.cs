using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using OrleansFlow.Silo;

namespace OrleansFlow.Tests.Rest;

/// <summary>One real silo co-hosting the REST API, on free loopback ports, shared by the "rest" collection.</summary>
public sealed class SiloHostFixture : IAsyncLifetime
{
    private WebApplication? _app;
    private HttpClient? _client;

    /// <summary>The temporary directory holding the silo's data directory and the jobs' outputs.</summary>
    public string TempDirectory { get; } = Path.Combine(Path.GetTempPath(), "orleansflow-rest-" + Guid.NewGuid().ToString("N"));

    /// <summary>The silo's gateway port (for standalone Orleans clients).</summary>
    public int GatewayPort { get; private set; }

    /// <summary>The cluster id of the silo.</summary>
    public string ClusterId { get; } = $"rest-tests-{Guid.NewGuid():N}";

    /// <summary>A client whose base address is the API.</summary>
    public HttpClient Client => _client ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>A fresh, not yet existing directory under <see cref="TempDirectory"/> for a job's output.</summary>
    public string NewOutputDirectory() => Path.Combine(TempDirectory, "out-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(TempDirectory);
        var (httpPort, siloPort, gatewayPort) = FreePorts();
        GatewayPort = gatewayPort;
        string[] args =
        [
            $"--Urls=http://127.0.0.1:{httpPort}",
            $"--Orleans:SiloPort={siloPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
            $"--Orleans:ClusterId={ClusterId}",
            $"--OrleansFlow:DataDirectory={Path.Combine(TempDirectory, "data")}",
            "--Logging:LogLevel:Default=Warning",
        ];
        _app = OrleansFlowSiloHost.Build(args);
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
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
    internal static (int Http, int Silo, int Gateway) FreePorts()
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

/// <summary>The REST tests share one host and run one after another.</summary>
[CollectionDefinition("rest")]
public sealed class RestCollection : ICollectionFixture<SiloHostFixture>;
