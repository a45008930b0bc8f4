using System.Diagnostics;
using System.Net;
using OrleansFlow.Tests.Processes;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest.Limits;

/// <summary>
/// The standalone API (<c>OrleansFlow:Api:RequestTimeout</c> = 2 s) in front of a silo process that is then frozen
/// (SIGSTOP: the gateway's connection stays open, nothing answers, Orleans itself would wait 30 s) or killed (the
/// gateway is gone): every request answers 503 problem+json with <c>Retry-After</c> instead of hanging, the readiness
/// probe says 503 while the liveness probe stays 200, and a thawed silo is served again.
/// </summary>
public sealed class ClusterUnavailableTests : IAsyncLifetime
{
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(25);
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "orleansflow-unavailable-" + Guid.NewGuid().ToString("N"));
    private SiloProcess? _silo;
    private StandaloneRestClient? _api;

    private SiloProcess Silo => _silo!;

    private HttpClient Api => _api!.Http;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_temp);
        var (httpPort, siloPort, gatewayPort) = TestSiloHost.FreePorts();
        var clusterId = $"unavailable-{Guid.NewGuid():N}";
        _silo = SiloProcess.Start(httpPort,
            [$"--Orleans:SiloPort={siloPort}", $"--Orleans:GatewayPort={gatewayPort}", $"--Orleans:ClusterId={clusterId}", $"--OrleansFlow:DataDirectory={Path.Combine(_temp, "data")}"],
            Path.Combine(_temp, "silo.log"));
        await _silo.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
        _api = await StandaloneRestClient.StartAsync(gatewayPort, clusterId, ["--OrleansFlow:Api:RequestTimeout=00:00:02"]);
    }

    public async Task DisposeAsync()
    {
        if (_api is not null) await _api.DisposeAsync();
        _silo?.Dispose();
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // Left under the temp path.
        }
    }

    [Fact]
    public async Task Requests_WhenTheSiloIsFrozen_Answer503WithRetryAfterAndRecoverWhenItThaws()
    {
        await ListJobsAsync(Api);
        Assert.Equal(HttpStatusCode.OK, (await Api.GetAsync("healthz/ready")).StatusCode);

        Silo.Freeze();
        var clock = Stopwatch.StartNew();
        var get = await ReadUnavailableAsync(await Api.GetAsync("jobs"));
        var post = await ReadUnavailableAsync(await Api.PostAsync("jobs", JsonBody("""{"job":"keyed-sum","parallelism":1,"args":{"events":10}}""")));
        using var ready = await Api.GetAsync("healthz/ready");
        using var live = await Api.GetAsync("healthz");
        var elapsed = clock.Elapsed;
        Silo.Thaw();

        Assert.Contains("did not answer within 2 s", get);
        Assert.Contains("OrleansFlow:Api:RequestTimeout", get);
        Assert.DoesNotContain("may still take effect", get);
        Assert.Contains("did not answer within 2 s", post);
        Assert.Contains("may still take effect", post);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(elapsed < 2 * NoHang, $"Four requests to a frozen silo took {elapsed}.");
        await WaitUntilAnsweredAsync();
    }

    [Fact]
    public async Task Requests_WhenTheSiloIsKilled_Answer503WithRetryAfter()
    {
        await ListJobsAsync(Api);

        await Silo.KillAsync();
        var clock = Stopwatch.StartNew();
        var get = await ReadUnavailableAsync(await Api.GetAsync("jobs"));
        var elapsed = clock.Elapsed;
        using var ready = await Api.GetAsync("healthz/ready");
        using var live = await Api.GetAsync("healthz");

        Assert.Contains("cluster", get);
        Assert.True(elapsed < NoHang, $"A request to a killed silo took {elapsed}.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using (var body = System.Text.Json.JsonDocument.Parse(await ready.Content.ReadAsStringAsync()))
        {
            Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", body.RootElement.GetProperty("checks").GetProperty("cluster-client").GetProperty("status").GetString());
        }
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Post_WhenTheBodyArrivesSlowerThanTheDeadline_IsReadWholeBeforeTheDeadlineStarts()
    {
        // 3 s to send, the deadline is 2 s: the deadline is for the cluster, not for the client's upload.
        using var response = await Api.PostAsync("jobs", new SlowContent("{\"job\":\"keyed-sum\",\"parallelism\":0}"u8.ToArray(), TimeSpan.FromSeconds(3)));

        var detail = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("parallelism must be at least 1", detail);
    }

    /// <summary>Checks a 503 problem with <c>Retry-After</c>; returns its detail.</summary>
    private static async Task<string> ReadUnavailableAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var detail = await ReadProblemAsync(response, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
            Assert.Contains("Try again in 5 s", detail);
            return detail;
        }
    }

    /// <summary>A body sent in pieces spread over <paramref name="duration"/> (chunked, without Content-Length).</summary>
    private sealed class SlowContent(byte[] body, TimeSpan duration) : HttpContent
    {
        private const int Pieces = 6;

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var size = (body.Length + Pieces - 1) / Pieces;
            for (var offset = 0; offset < body.Length; offset += size)
            {
                await stream.WriteAsync(body.AsMemory(offset, Math.Min(size, body.Length - offset)));
                await stream.FlushAsync();
                await Task.Delay(duration / Pieces);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    private async Task WaitUntilAnsweredAsync()
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await Api.GetAsync("jobs");
            if (response.StatusCode == HttpStatusCode.OK) return;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"The API still answers {(int)response.StatusCode} 60 s after the silo thawed: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(PollInterval);
        }
    }
}
