using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

/// <summary><c>"restartStrategy"</c> in <c>POST /jobs</c>: taken, shown by <c>GET /jobs/{id}</c>, and validated.</summary>
[Collection("rest")]
public sealed class RestartStrategyApiTests(SiloHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task PostJob_WhenRestartStrategyGiven_JobUsesAndShowsIt()
    {
        var jobId = await SubmitAsync(Client,
            """{"job":"keyed-sum","args":{"events":1000,"keys":10,"faults":"500"},"restartStrategy":{"kind":"None"}}""");

        var job = await WaitForStatusAsync(Client, jobId, "FAILED"); // no restart allowed: the injected fault fails the job

        var restart = job.GetProperty("restartStrategy");
        Assert.Equal("None", restart.GetProperty("kind").GetString());
        Assert.Contains("Injected fault", job.GetProperty("failureCause").GetString());
        Assert.Equal(1, job.GetProperty("attempt").GetInt32());
    }

    [Fact]
    public async Task PostJob_WhenRestartStrategyAbsent_ShowsFixedDelayDefault()
    {
        var jobId = await SubmitAsync(Client, """{"job":"keyed-sum","args":{"events":1000,"keys":10}}""");

        var job = await WaitForStatusAsync(Client, jobId, "FINISHED");

        var restart = job.GetProperty("restartStrategy");
        Assert.Equal("FixedDelay", restart.GetProperty("kind").GetString());
        Assert.Equal(1000, restart.GetProperty("delayMs").GetInt64());
        Assert.Equal(0, restart.GetProperty("maxAttempts").GetInt32());
    }

    [Theory]
    [InlineData("""{"kind":"Sometimes"}""", "not a valid job submission")]
    [InlineData("""{"delayMs":-5}""", "restartStrategy.delayMs")]
    [InlineData("""{"maxAttempts":-1}""", "restartStrategy.maxAttempts")]
    [InlineData("""{"kind":"ExponentialBackoff","backoffMultiplier":0.5}""", "restartStrategy.backoffMultiplier")]
    public async Task PostJob_WhenRestartStrategyInvalid_Returns400NamingTheFieldAndCreatesNoJob(string restartStrategy, string expected)
    {
        var before = (await ListJobsAsync(Client)).Length;

        var detail = await ReadProblemAsync(
            await Client.PostAsync("jobs", JsonBody($$"""{"job":"keyed-sum","restartStrategy":{{restartStrategy}}}""")), HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail);
        Assert.Equal(before, (await ListJobsAsync(Client)).Length);
    }
}
