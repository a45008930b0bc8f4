using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

/// <summary><c>POST /jobs/{id}/savepoints</c>, <c>POST /jobs/{id}/stop</c>, <c>GET /jobs/{id}/savepoints/{triggerId}</c> and a restore through <c>POST /jobs</c>.</summary>
[Collection("rest")]
public sealed class SavepointTriggerApiTests(SiloHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task PostSavepoints_ThenStopThenSubmitFromIt_CompletesStopsAndRestoresExactly()
    {
        var output = host.NewOutputDirectory();
        var jobId = await SubmitAsync(Client, $$$"""{"job":"keyed-sum","parallelism":2,"args":{"events":600000,"keys":100,"rate":200000,"output":"{{{output}}}"}}""");
        await WaitForStatusAsync(Client, jobId, "RUNNING");

        var taken = await WaitForSavepointAsync(jobId, await PostAsync($"jobs/{jobId}/savepoints", "{}"));
        Assert.StartsWith("savepoints/savepoint-", taken.GetProperty("location").GetString(), StringComparison.Ordinal);
        Assert.Equal("RUNNING", (await GetJobAsync(Client, jobId)).GetProperty("status").GetString());

        var stopped = await WaitForSavepointAsync(jobId, await PostAsync($"jobs/{jobId}/stop", """{"drain":false}"""));
        var location = stopped.GetProperty("location").GetString()!;
        await WaitForStatusAsync(Client, jobId, "FINISHED");
        Assert.False(Directory.Exists(output) && Directory.GetFiles(output, "part-*").Length > 0, "output before the end of the input"); // stopped before it

        var restored = await SubmitAsync(Client, $$$"""{"job":"keyed-sum","parallelism":3,"savepointPath":"{{{location}}}","args":{"events":600000,"keys":100,"output":"{{{output}}}"}}""");
        await WaitForStatusAsync(Client, restored, "FINISHED");

        Assert.Equal(Runtime.OutputFiles.ExpectedKeyedSum(600_000, 100), Runtime.OutputFiles.ParsePairs(Runtime.OutputFiles.ReadResult(output)));
    }

    [Fact]
    public async Task PostRescaling_WhenJobRuns_RestartsAtTheNewParallelismWithItsIdAndExactOutput()
    {
        var output = host.NewOutputDirectory();
        var jobId = await SubmitAsync(Client, $$$"""{"job":"keyed-sum","parallelism":2,"args":{"events":600000,"keys":100,"rate":200000,"output":"{{{output}}}"}}""");
        await WaitForStatusAsync(Client, jobId, "RUNNING");
        Assert.Contains("parallelism", await ReadProblemAsync(await Client.PostAsync($"jobs/{jobId}/rescaling?parallelism=abc", null), HttpStatusCode.BadRequest));
        await ReadProblemAsync(await Client.PostAsync($"jobs/{jobId}/rescaling?parallelism=0", null), HttpStatusCode.BadRequest);
        await ReadProblemAsync(await Client.PostAsync($"jobs/{Guid.NewGuid():N}/rescaling?parallelism=2", null), HttpStatusCode.NotFound);

        var triggerId = (await ReadJsonAsync(await Client.PostAsync($"jobs/{jobId}/rescaling?parallelism=3", null), HttpStatusCode.Accepted)).GetProperty("triggerId").GetString();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        System.Text.Json.JsonElement status;
        while ((status = await ReadJsonAsync(await Client.GetAsync($"jobs/{jobId}/rescaling/{triggerId}"), HttpStatusCode.OK)).GetProperty("status").GetString() == "IN_PROGRESS")
        {
            Assert.True(DateTime.UtcNow < deadline, "rescaling still in progress");
            await Task.Delay(50);
        }

        Assert.Equal("COMPLETED", status.GetProperty("status").GetString());
        Assert.Equal(3, status.GetProperty("parallelism").GetInt32());
        Assert.True(status.GetProperty("downtimeMs").GetDouble() > 0);
        var job = await GetJobAsync(Client, jobId);
        Assert.Equal(3, job.GetProperty("parallelism").GetInt32());
        await WaitForStatusAsync(Client, jobId, "FINISHED");
        Assert.Equal(Runtime.OutputFiles.ExpectedKeyedSum(600_000, 100), Runtime.OutputFiles.ParsePairs(Runtime.OutputFiles.ReadResult(output)));
    }

    [Fact]
    public async Task SavepointRoutes_WhenRequestIsWrong_AnswerTheRightProblem()
    {
        var unknown = Guid.NewGuid().ToString("N");
        await ReadProblemAsync(await Client.PostAsync($"jobs/{unknown}/savepoints", JsonBody("{}")), HttpStatusCode.NotFound);
        await ReadProblemAsync(await Client.GetAsync($"jobs/{unknown}/savepoints/abc"), HttpStatusCode.NotFound);

        var jobId = await SubmitAsync(Client, """{"job":"keyed-sum","args":{"events":0,"keys":10,"rate":10000}}""");
        await WaitForStatusAsync(Client, jobId, "RUNNING");
        Assert.Contains("targetDirectory", await ReadProblemAsync(await PostAsync($"jobs/{jobId}/savepoints", """{"targetDirectory":"../x"}"""), HttpStatusCode.BadRequest));
        await ReadProblemAsync(await PostAsync($"jobs/{jobId}/savepoints", """{"cancelJob":"maybe"}"""), HttpStatusCode.BadRequest);
        await ReadProblemAsync(await Client.GetAsync($"jobs/{jobId}/savepoints/{Guid.NewGuid():N}"), HttpStatusCode.NotFound);
        Assert.Contains("savepoints/none", await ReadProblemAsync(await Client.PostAsync("jobs", JsonBody("""{"job":"keyed-sum","savepointPath":"savepoints/none"}""")), HttpStatusCode.BadRequest));

        using var cancel = await PatchAsync(Client, jobId, "?mode=cancel");
        await WaitForStatusAsync(Client, jobId, "CANCELED");
        Assert.Contains("CANCELED", await ReadProblemAsync(await PostAsync($"jobs/{jobId}/stop", "{}"), HttpStatusCode.Conflict));
    }

    private Task<HttpResponseMessage> PostAsync(string route, string json) => Client.PostAsync(route, JsonBody(json));

    private async Task<System.Text.Json.JsonElement> WaitForSavepointAsync(string jobId, HttpResponseMessage accepted)
    {
        var triggerId = (await ReadJsonAsync(accepted, HttpStatusCode.Accepted)).GetProperty("triggerId").GetString();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var status = await ReadJsonAsync(await Client.GetAsync($"jobs/{jobId}/savepoints/{triggerId}"), HttpStatusCode.OK);
            if (status.GetProperty("status").GetString() != "IN_PROGRESS")
            {
                Assert.True(status.GetProperty("status").GetString() == "COMPLETED", status.ToString());
                return status;
            }
            Assert.True(DateTime.UtcNow < deadline, $"savepoint {triggerId} still in progress");
            await Task.Delay(50);
        }
    }
}
