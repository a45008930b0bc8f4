using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

/// <summary>The REST API running on its own as an Orleans client of the silo (src/Client), not co-hosted.</summary>
[Collection("rest")]
public sealed class StandaloneClientTests(SiloHostFixture silo) : IAsyncLifetime
{
    private StandaloneRestClient? _standalone;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _standalone = await StandaloneRestClient.StartAsync(silo);
        _client = _standalone.Http;
    }

    public async Task DisposeAsync()
    {
        if (_standalone is not null) await _standalone.DisposeAsync();
    }

    [Fact]
    public async Task StandaloneClient_WhenConnectedToSilo_SubmitsAndFollowsAJob()
    {
        var overview = await ReadJsonAsync(await _client.GetAsync("overview"), HttpStatusCode.OK);
        Assert.Equal(1, overview.GetProperty("silos").GetInt32());

        var output = silo.NewOutputDirectory();
        var jobId = await SubmitAsync(_client,
            $$$"""{"job":"keyed-sum","parallelism":2,"args":{"events":10000,"keys":10,"output":{{{System.Text.Json.JsonSerializer.Serialize(output)}}}}}""");
        var job = await WaitForStatusAsync(_client, jobId, "FINISHED");

        Assert.Equal("keyed-sum", job.GetProperty("name").GetString());
        Assert.Equal(10, Directory.GetFiles(output, "part-*").SelectMany(File.ReadAllLines).Count());
        var viaSilo = await GetJobAsync(silo.Client, jobId);
        Assert.Equal("FINISHED", viaSilo.GetProperty("status").GetString());
    }
}
