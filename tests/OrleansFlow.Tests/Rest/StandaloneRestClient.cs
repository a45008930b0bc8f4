using Microsoft.AspNetCore.Builder;
using OrleansFlow.Client;

namespace OrleansFlow.Tests.Rest;

/// <summary>The REST API started on its own (src/Client) as an Orleans client of the test silo, on a free port, with an HTTP client for it.</summary>
internal sealed class StandaloneRestClient : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandaloneRestClient(WebApplication app, HttpClient http)
    {
        _app = app;
        Http = http;
    }

    /// <summary>An HTTP client whose base address is the standalone API.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the API against <paramref name="silo"/>'s gateway.</summary>
    public static async Task<StandaloneRestClient> StartAsync(SiloHostFixture silo)
    {
        var (httpPort, _, _) = SiloHostFixture.FreePorts();
        var app = OrleansFlowClientHost.Build(
        [
            $"--Urls=http://127.0.0.1:{httpPort}",
            $"--Orleans:GatewayPort={silo.GatewayPort}",
            $"--Orleans:ClusterId={silo.ClusterId}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await app.StartAsync();
        return new StandaloneRestClient(app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
