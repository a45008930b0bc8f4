using System.Net;
using OrleansFlow.Tests.Rest;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>
/// The savepoint routes through the REST API running on its own as an Orleans client (src/Client), which has no
/// storage: every answer comes from the silo's savepoint grain.
/// </summary>
[Collection("rest")]
public sealed class SavepointStandaloneClientTests(SiloHostFixture silo) : IAsyncLifetime
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
    public async Task SavepointRoutes_WhenServedByAStandaloneClient_InspectReadAndDeleteThroughTheSilo()
    {
        var (jobId, _, offsets) = await KeyedSumSavepoints.CheckpointAsync(silo);
        var name = "standalone-" + Guid.NewGuid().ToString("N")[..8];
        await KeyedSumSavepoints.CreateAsync(silo, name);

        var listing = await ReadJsonAsync(await _client.GetAsync($"savepoints/{name}"), HttpStatusCode.OK);
        var value = await ReadJsonAsync(await _client.GetAsync($"savepoints/{name}/state/sum/sum?key=42"), HttpStatusCode.OK);
        using var deleted = await _client.DeleteAsync($"savepoints/{name}");

        Assert.Equal(jobId, listing.GetProperty("jobId").GetString());
        Assert.Equal(KeyedSumSavepoints.ExpectedSum(offsets, 42), value.GetProperty("value").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ReadProblemAsync(await _client.GetAsync($"savepoints/{name}"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await _client.GetAsync($"savepoints/{name}/state/sum/sum?key=x"), HttpStatusCode.NotFound);
    }
}
