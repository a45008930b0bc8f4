using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

/// <summary>Task slots through the REST API of one silo with the default 8 slots.</summary>
[Collection("rest")]
public sealed class TaskSlotApiTests(SiloHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task GetOverview_WhenOneSiloRuns_ReportsItsSlotsAndOneTaskManager()
    {
        using var response = await Client.GetAsync("overview");

        var body = await ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(1, body.GetProperty("taskmanagers").GetInt32());
        Assert.Equal(8, body.GetProperty("slots-total").GetInt32());
        var available = body.GetProperty("slots-available").GetInt32();
        Assert.InRange(available, 0, 8);
    }

    /// <summary>The requests that used to grow the silo until the kernel killed it are refused before anything starts.</summary>
    [Theory]
    [InlineData("""{"job":"keyed-sum","parallelism":9}""", "needs 9")]
    [InlineData("""{"job":"keyed-sum","parallelism":1024}""", "needs 1024")]
    [InlineData("""{"job":"keyed-sum","parallelism":32768,"maxParallelism":32768}""", "needs 32768")]
    public async Task PostJob_WhenMoreSlotsThanTheClusterHas_Answers409AndStartsNothing(string body, string needed)
    {
        var before = await ListJobsAsync(Client);
        var jobsFolder = Path.Combine(host.TempDirectory, "data", "jobs");
        var foldersBefore = Directory.Exists(jobsFolder) ? Directory.GetDirectories(jobsFolder).Length : 0;

        using var response = await Client.PostAsync("jobs", JsonBody(body));

        var detail = await ReadProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains(needed, detail, StringComparison.Ordinal);
        Assert.Contains("free of 8", detail, StringComparison.Ordinal);
        Assert.Equal(before.Length, (await ListJobsAsync(Client)).Length);
        Assert.Equal(foldersBefore, Directory.Exists(jobsFolder) ? Directory.GetDirectories(jobsFolder).Length : 0);
    }

    [Fact]
    public async Task PostRescaling_WhenTheNewParallelismNeedsMoreSlots_Answers409AndTheJobRunsOn()
    {
        var jobId = await SubmitAsync(Client, """{"job":"keyed-sum","parallelism":1,"args":{"events":0,"keys":10,"rate":1000}}""");
        await WaitForStatusAsync(Client, jobId, "RUNNING");

        using var response = await Client.PostAsync($"jobs/{jobId}/rescaling?parallelism=9", null);

        var detail = await ReadProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Contains("needs 9", detail, StringComparison.Ordinal);
        var job = await GetJobAsync(Client, jobId);
        Assert.Equal("RUNNING", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("parallelism").GetInt32());
        using (await PatchAsync(Client, jobId, "?mode=cancel")) { }
        await WaitForStatusAsync(Client, jobId, "CANCELED");
    }
}
