using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

/// <summary>Unknown JSON properties in request bodies, and job arguments the job does not declare: a 400 naming them, and nothing changes.</summary>
[Collection("rest")]
public sealed class UnknownPropertyApiTests(SiloHostFixture host)
{
    private HttpClient Client => host.Client;

    private string SavepointsFolder => Path.Combine(host.TempDirectory, "data", "savepoints");

    /// <summary>POST /jobs with <paramref name="body"/>: a 400 whose detail is returned, and no job listed afterwards that was not before.</summary>
    private async Task<string> RefusedSubmissionAsync(string body)
    {
        var before = (await ListJobsAsync(Client)).Select(j => j.GetProperty("id").GetString()).ToHashSet();
        using var response = await Client.PostAsync("jobs", JsonBody(body));
        var detail = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var after = (await ListJobsAsync(Client)).Select(j => j.GetProperty("id").GetString()).ToHashSet();
        Assert.Equal(before, after);
        return detail;
    }

    [Fact]
    public async Task PostJobs_WhenAPropertyIsMisspelt_AnswersBadRequestWithASuggestion()
    {
        var detail = await RefusedSubmissionAsync("""{"job":"keyed-sum","paralelism":2,"args":{"events":0}}""");

        Assert.StartsWith("Unknown property 'paralelism' (did you mean 'parallelism'?) in the request body; known: job, parallelism,", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostJobs_WhenNestedObjectsHaveUnknownProperties_NamesEveryOne()
    {
        var detail = await RefusedSubmissionAsync("""
            {"job":"keyed-sum","colour":"red","args":{"events":0},
             "checkpointing":{"intervalMs":1000,"intervalMss":10},
             "restartStrategy":{"kind":"None","maxAttempt":2}}
            """);

        Assert.Contains("Unknown property 'colour' in the request body", detail, StringComparison.Ordinal);
        Assert.Contains("'checkpointing.intervalMss' (did you mean 'checkpointing.intervalMs'?) in 'checkpointing'", detail, StringComparison.Ordinal);
        Assert.Contains("'restartStrategy.maxAttempt' (did you mean 'restartStrategy.maxAttempts'?) in 'restartStrategy'", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostJobs_WhenKnownPropertiesDifferInCase_Accepts()
    {
        var jobId = await SubmitAsync(Client, """{"JOB":"keyed-sum","Parallelism":1,"Checkpointing":{"IntervalMs":0},"ARGS":{"Events":10,"KEYS":2}}""");

        await WaitForStatusAsync(Client, jobId, "FINISHED");
    }

    [Fact]
    public async Task PostJobs_WhenAnArgumentIsNotDeclared_AnswersBadRequestWithASuggestion()
    {
        var detail = await RefusedSubmissionAsync("""{"job":"keyed-sum","args":{"evnts":1000,"keys":10,"colour":"red"}}""");

        Assert.Equal("Unknown job arguments 'colour', 'evnts' (did you mean 'events'?) for job 'keyed-sum'; known: events, keys, rate, output, faults.", detail);
    }

    [Fact]
    public async Task PostJobs_WhenAnUndeclaredArgumentIsNull_StillRefusesIt() =>
        Assert.Contains("'outptu' (did you mean 'output'?)", await RefusedSubmissionAsync("""{"job":"keyed-sum","args":{"events":0,"outptu":null}}"""), StringComparison.Ordinal);

    [Fact]
    public async Task SavepointAndStopBodies_WhenAPropertyIsMisspelt_AnswerBadRequestAndTheJobKeepsRunning()
    {
        var jobId = await SubmitAsync(Client, """{"job":"keyed-sum","args":{"events":0,"keys":10,"rate":1000}}""");
        await WaitForStatusAsync(Client, jobId, "RUNNING");
        var savepointsBefore = Directory.Exists(SavepointsFolder) ? Directory.GetDirectories(SavepointsFolder).Length : 0;

        var savepoint = await ReadProblemAsync(await Client.PostAsync($"jobs/{jobId}/savepoints", JsonBody("""{"targetDirectry":"savepoints","cancelJob":true}""")), HttpStatusCode.BadRequest);
        var stop = await ReadProblemAsync(await Client.PostAsync($"jobs/{jobId}/stop", JsonBody("""{"drian":true,"targetDirectory":"savepoints","x":1}""")), HttpStatusCode.BadRequest);

        Assert.Equal("Unknown property 'targetDirectry' (did you mean 'targetDirectory'?) in the request body; known: targetDirectory, cancelJob.", savepoint);
        Assert.Equal("Unknown properties 'drian' (did you mean 'drain'?), 'x' in the request body; known: targetDirectory, drain.", stop);
        Assert.Equal("RUNNING", (await GetJobAsync(Client, jobId)).GetProperty("status").GetString());
        Assert.Equal(savepointsBefore, Directory.Exists(SavepointsFolder) ? Directory.GetDirectories(SavepointsFolder).Length : 0);

        using var cancel = await PatchAsync(Client, jobId, "?mode=cancel");
        await WaitForStatusAsync(Client, jobId, "CANCELED");
    }
}
