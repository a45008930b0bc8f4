using Microsoft.AspNetCore.Builder;
using OrleansFlow.Client;

namespace OrleansFlow.Tests.Rest;

/// <summary>The REST API started on its own (src/Client) as an Orleans client of a test silo, on a free port, with an HTTP client for it.</summary>
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

    /// <summary>A new client of the standalone API; with <paramref name="apiKey"/>, every request carries <c>Authorization: Bearer</c> it.</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = Http.BaseAddress, Timeout = Http.Timeout };
        if (apiKey is not null) client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Starts the API against <paramref name="silo"/>'s gateway.</summary>
    public static Task<StandaloneRestClient> StartAsync(SiloHostFixture silo) => StartAsync(silo.GatewayPort, silo.ClusterId);

    /// <summary>Starts the API against the gateway on 127.0.0.1:<paramref name="gatewayPort"/>, with <paramref name="args"/> after the test defaults.</summary>
    public static async Task<StandaloneRestClient> StartAsync(int gatewayPort, string clusterId, IEnumerable<string>? args = null)
    {
        var (httpPort, _, _) = TestSiloHost.FreePorts();
        var app = OrleansFlowClientHost.Build(
        [
            $"--Urls=http://127.0.0.1:{httpPort}",
            $"--Orleans:GatewayPort={gatewayPort}",
            $"--Orleans:ClusterId={clusterId}",
            "--Logging:LogLevel:Default=Warning",
            .. args ?? [],
        ]);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return new StandaloneRestClient(app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}/"), Timeout = TimeSpan.FromSeconds(30) });
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
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
}
