using System.Globalization;
using System.Net;
using System.Text.Json;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

[Collection("rest")]
public sealed class JobApiTests(SiloHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task GetOverview_WhenSiloRunning_ReturnsSilosAndJobCounters()
    {
        using var response = await Client.GetAsync("overview");

        var body = await ReadJsonAsync(response, HttpStatusCode.OK);
        Assert.True(body.GetProperty("silos").GetInt32() >= 1);
        foreach (var counter in new[] { "jobs-running", "jobs-finished", "jobs-cancelled", "jobs-failed" })
            Assert.True(body.GetProperty(counter).GetInt32() >= 0, counter);
        Assert.Equal(JsonValueKind.String, body.GetProperty("version").ValueKind);
    }

    [Fact]
    public async Task PostJob_WhenKeyedSumBounded_FinishesWithExactOutput()
    {
        const long events = 100_000;
        const long keys = 100;
        var output = host.NewOutputDirectory();
        var request = JsonSerializer.Serialize(new
        {
            job = "keyed-sum",
            parallelism = 2,
            maxParallelism = 128,
            args = new Dictionary<string, object> { ["events"] = events, ["keys"] = keys, ["output"] = output },
        });

        var jobId = await SubmitAsync(Client, request);
        var job = await WaitForStatusAsync(Client, jobId, "FINISHED");

        Assert.Equal(jobId, job.GetProperty("jobId").GetString());
        Assert.Equal("keyed-sum", job.GetProperty("name").GetString());
        Assert.Equal("FINISHED", job.GetProperty("status").GetString());
        Assert.Equal(1, job.GetProperty("attempt").GetInt32());
        Assert.Equal(2, job.GetProperty("parallelism").GetInt32());
        Assert.Equal(128, job.GetProperty("maxParallelism").GetInt32());
        var vertices = job.GetProperty("vertices").EnumerateArray().ToArray();
        Assert.Equal(2, vertices.Length);
        Assert.Equal("source", vertices[0].GetProperty("uid").GetString());
        Assert.Equal(2, vertices[0].GetProperty("parallelism").GetInt32());
        Assert.Equal(events, vertices[0].GetProperty("recordsOut").GetInt64());
        Assert.Equal("sum", vertices[1].GetProperty("uid").GetString());
        Assert.Equal(2, vertices[1].GetProperty("parallelism").GetInt32());
        Assert.Equal(events, vertices[1].GetProperty("recordsIn").GetInt64());

        var lines = Directory.EnumerateFiles(output, "part-*")
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .SelectMany(File.ReadAllLines)
            .Where(l => l.Length > 0)
            .ToList();
        var expected = new long[keys];
        for (long i = 0; i < events; i++) expected[i % keys] += i;
        Assert.Equal(
            expected.Select((sum, k) => string.Create(CultureInfo.InvariantCulture, $"{k},{sum}")).Order(StringComparer.Ordinal),
            lines.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetJob_WhenAnEventTimeJobFinished_ShowsEachVertexsAndSubtasksWatermarkAndLateRecords()
    {
        var request = JsonSerializer.Serialize(new
        {
            job = "window-sum",
            parallelism = 2,
            args = new Dictionary<string, object> { ["events"] = 10_000, ["keys"] = 10 },
        });

        var jobId = await SubmitAsync(Client, request);
        var job = await WaitForStatusAsync(Client, jobId, "FINISHED");

        var window = job.GetProperty("vertices").EnumerateArray().Single(v => v.GetProperty("uid").GetString() == "window");
        Assert.Equal(long.MaxValue, window.GetProperty("currentInputWatermark").GetInt64()); // the bounded input ended
        Assert.Equal(0, window.GetProperty("numLateRecordsDropped").GetInt64()); // window-sum's watermarks make no event late
        Assert.All(window.GetProperty("subtasks").EnumerateArray(), s =>
        {
            Assert.Equal(long.MaxValue, s.GetProperty("currentInputWatermark").GetInt64());
            Assert.Equal(0, s.GetProperty("numLateRecordsDropped").GetInt64());
        });
    }

    [Fact]
    public async Task GetJobs_WhenJobSubmitted_ListsIdNameAndStatus()
    {
        var jobId = await SubmitAsync(Client, """{"job":"keyed-sum","parallelism":1,"args":{"events":1000,"keys":10}}""");

        var jobs = await ListJobsAsync(Client);

        var listed = Assert.Single(jobs, j => j.GetProperty("id").GetString() == jobId);
        Assert.Equal("keyed-sum", listed.GetProperty("name").GetString());
        Assert.Contains(listed.GetProperty("status").GetString(), new[] { "CREATED", "RUNNING", "FINISHED" });
        foreach (var j in jobs)
        {
            Assert.Matches("^[0-9a-f]{32}$", j.GetProperty("id").GetString());
            Assert.False(string.IsNullOrEmpty(j.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrEmpty(j.GetProperty("status").GetString()));
        }
        await WaitForStatusAsync(Client, jobId, "FINISHED");
    }

    [Fact]
    public async Task PatchJobCancel_WhenUnboundedJobRunning_CancelsAndRepeatIsAccepted()
    {
        var jobId = await SubmitAsync(Client, """{"job":"keyed-sum","parallelism":2,"args":{"events":0,"keys":100,"rate":100000}}""");
        await WaitForStatusAsync(Client, jobId, "RUNNING");

        using (var first = await PatchAsync(Client, jobId, "?mode=cancel"))
            Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var canceled = await WaitForStatusAsync(Client, jobId, "CANCELED");
        Assert.Equal("keyed-sum", canceled.GetProperty("name").GetString());
        Assert.Equal(1, canceled.GetProperty("attempt").GetInt32());

        using (var second = await PatchAsync(Client, jobId, "?mode=cancel"))
            Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var after = await GetJobAsync(Client, jobId);
        Assert.Equal("CANCELED", after.GetProperty("status").GetString());
        var listed = Assert.Single(await ListJobsAsync(Client), j => j.GetProperty("id").GetString() == jobId);
        Assert.Equal("CANCELED", listed.GetProperty("status").GetString());
    }

    private const string UnknownId = "0123456789abcdef0123456789abcdef";

    /// <summary>Method, path, JSON body (null = none), expected status, text the problem's detail must contain.</summary>
    public static TheoryData<string, string, string?, int, string> BadRequests => new()
    {
        { "POST", "jobs", """{"job":"keyed-sum",""", 400, "not a valid job submission" },
        { "POST", "jobs", "", 400, "not a valid job submission" },
        { "POST", "jobs", """{"parallelism":1}""", 400, "'job'" },
        { "POST", "jobs", """{"job":"nope"}""", 400, "'nope'" },
        { "POST", "jobs", """{"job":"keyed-sum","parallelism":0}""", 400, "parallelism must be at least 1" },
        { "POST", "jobs", """{"job":"keyed-sum","parallelism":200,"maxParallelism":128}""", 400, "parallelism 200 is above maxParallelism 128" },
        { "POST", "jobs", """{"job":"keyed-sum","maxParallelism":0}""", 400, "maxParallelism must be in" },
        { "POST", "jobs", """{"job":"keyed-sum","maxParallelism":40000}""", 400, "got 40000" },
        { "POST", "jobs", """{"job":"keyed-sum","args":{"events":{"n":1}}}""", 400, "'events'" },
        { "POST", "jobs", """{"job":"keyed-sum","args":{"events":"abc"}}""", 400, "'events' must be a whole number" },
        { "GET", "jobs/" + UnknownId, null, 404, UnknownId },
        { "GET", "jobs/not-an-id", null, 404, "not-an-id" },
        { "PATCH", $"jobs/{UnknownId}?mode=cancel", null, 404, UnknownId },
        { "PATCH", $"jobs/{UnknownId}?mode=stop", null, 400, "'stop'" },
        { "PATCH", $"jobs/{UnknownId}", null, 400, "mode=cancel" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Request_WhenInputIsBad_ReturnsProblemAndAddsNoJob(string method, string path, string? body, int status, string detailContains)
    {
        var before = (await ListJobsAsync(Client)).Length;

        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = JsonBody(body);
        using var response = await Client.SendAsync(request);

        var detail = await ReadProblemAsync(response, (HttpStatusCode)status);
        Assert.Contains(detailContains, detail, StringComparison.Ordinal);
        var after = (await ListJobsAsync(Client)).Length;
        Assert.Equal(before, after);
    }
}
