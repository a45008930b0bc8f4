namespace OrleansFlow.Tests.Rest;

/// <summary>One real silo co-hosting the REST API (no API key, on loopback), shared by the "rest" collection.</summary>
public sealed class SiloHostFixture : IAsyncLifetime
{
    private TestSiloHost? _host;

    private TestSiloHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    /// <summary>The temporary directory holding the silo's data directory and the jobs' outputs.</summary>
    public string TempDirectory => Host.TempDirectory;

    /// <summary>The silo's gateway port (for standalone Orleans clients).</summary>
    public int GatewayPort => Host.GatewayPort;

    /// <summary>The cluster id of the silo.</summary>
    public string ClusterId => Host.ClusterId;

    /// <summary>A client whose base address is the API.</summary>
    public HttpClient Client => Host.Client;

    /// <summary>A fresh, not yet existing directory under <see cref="TempDirectory"/> for a job's output.</summary>
    public string NewOutputDirectory() => Path.Combine(TempDirectory, "out-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync() => _host = await TestSiloHost.StartAsync();

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    /// <summary>Three distinct free TCP ports on 127.0.0.1 (all held open together so they differ).</summary>
    internal static (int Http, int Silo, int Gateway) FreePorts() => TestSiloHost.FreePorts();
}

/// <summary>The REST tests share one host and run one after another.</summary>
[CollectionDefinition("rest")]
public sealed class RestCollection : ICollectionFixture<SiloHostFixture>;
