using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

[Collection("rest")]
public sealed class CheckpointApiTests(SiloHostFixture host)
{
    private HttpClient Client => host.Client;

    [Fact]
    public async Task GetCheckpoints_WhenPeriodicCheckpointsRun_ShowsCountsLatestAndHistoryInFlinkShape()
    {
        var jobId = await SubmitAsync(Client,
            """{"job":"keyed-sum","parallelism":2,"args":{"events":0,"keys":100,"rate":100000},"checkpointing":{"intervalMs":100,"retained":2}}""");

        var deadline = DateTime.UtcNow + PollDeadline;
        System.Text.Json.JsonElement body;
        do
        {
            await Task.Delay(PollInterval);
            body = await ReadJsonAsync(await Client.GetAsync($"jobs/{jobId}/checkpoints"), HttpStatusCode.OK);
        }
        while (body.GetProperty("counts").GetProperty("completed").GetInt32() < 2 && DateTime.UtcNow < deadline);

        Assert.True(body.GetProperty("counts").GetProperty("completed").GetInt32() >= 2);
        var latest = body.GetProperty("latest").GetProperty("completed");
        Assert.Equal("COMPLETED", latest.GetProperty("status").GetString());
        Assert.Equal(4, latest.GetProperty("num_subtasks").GetInt32()); // 2 source and 2 sum subtasks
        Assert.Equal(latest.GetProperty("num_subtasks").GetInt32(), latest.GetProperty("num_acknowledged_subtasks").GetInt32());
        Assert.True(latest.GetProperty("state_size").GetInt64() > 0);
        Assert.EndsWith("_metadata", latest.GetProperty("external_path").GetString());
        Assert.NotEmpty(body.GetProperty("history").EnumerateArray());
        var completedEntries = body.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("status").GetString() == "COMPLETED").ToList();
        Assert.True(completedEntries.Count >= 2);
        foreach (var entry in completedEntries) // per-task phase durations in the history list itself
        {
            var timings = entry.GetProperty("tasks").EnumerateArray().ToList();
            Assert.Equal([(0, 0), (0, 1), (1, 0), (1, 1)], timings.Select(t => (t.GetProperty("vertex").GetInt32(), t.GetProperty("subtask").GetInt32())));
            Assert.All(timings, t => Assert.True(t.GetProperty("sync_duration").GetInt64() >= 0 && t.GetProperty("async_duration").GetInt64() >= 0));
            Assert.Equal(entry.GetProperty("state_size").GetInt64(), timings.Sum(t => t.GetProperty("state_size").GetInt64()));
            Assert.Equal(timings.Max(t => t.GetProperty("sync_duration").GetInt64()), entry.GetProperty("sync_duration_max").GetInt64());
            Assert.All(timings.Where(t => t.GetProperty("vertex").GetInt32() == 0), t => Assert.Equal(0, t.GetProperty("alignment_buffered_records").GetInt64())); // sources do not align
            Assert.All(timings, t => Assert.True(t.GetProperty("alignment_buffered_records").GetInt64() >= 0));
            Assert.Equal(timings.Max(t => t.GetProperty("alignment_buffered_records").GetInt64()), entry.GetProperty("alignment_buffered_records_max").GetInt64());
        }

        var details = await ReadJsonAsync(await Client.GetAsync($"jobs/{jobId}/checkpoints/details/{latest.GetProperty("id").GetInt64()}"), HttpStatusCode.OK);
        var tasks = details.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(4, tasks.Count);
        Assert.Equal(2, tasks.Count(t => t.GetProperty("source_offsets").TryGetProperty("source", out _)));
        Assert.All(tasks, t => Assert.True(t.GetProperty("alignment_buffered_records").GetInt64() >= 0));
        var keyGroups = tasks.SelectMany(t => t.GetProperty("state").EnumerateArray())
            .Where(s => s.GetProperty("operator").GetString() == "sum")
            .SelectMany(s => s.GetProperty("key_groups").EnumerateArray()).ToList();
        Assert.Equal(128, keyGroups.Count); // each key group's size once: skew is visible
        Assert.Equal(details.GetProperty("state_size").GetInt64(), tasks.Sum(t => t.GetProperty("state_size").GetInt64()));
        await ReadProblemAsync(await Client.GetAsync($"jobs/{jobId}/checkpoints/details/999999"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await Client.GetAsync($"jobs/{jobId}/checkpoints/details/abc"), HttpStatusCode.BadRequest);

        var config = await ReadJsonAsync(await Client.GetAsync($"jobs/{jobId}/checkpoints/config"), HttpStatusCode.OK);
        Assert.Equal(100, config.GetProperty("interval").GetInt64());
        Assert.Equal(2, config.GetProperty("retained").GetInt32());
        Assert.Equal(600_000, config.GetProperty("timeout").GetInt64());

        using var cancel = await PatchAsync(Client, jobId, "?mode=cancel");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
    }

    [Fact]
    public async Task PostCheckpoint_WhenJobRunning_TriggersOneAndWhenCanceledRefuses()
    {
        var jobId = await SubmitAsync(Client, """{"job":"keyed-sum","parallelism":1,"args":{"events":0,"keys":10,"rate":10000}}""");
        await WaitForStatusAsync(Client, jobId, "RUNNING");

        var triggered = await ReadJsonAsync(await Client.PostAsync($"jobs/{jobId}/checkpoints", null), HttpStatusCode.Accepted);
        Assert.Equal(1, triggered.GetProperty("checkpointId").GetInt64());

        using var cancel = await PatchAsync(Client, jobId, "?mode=cancel");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await WaitForStatusAsync(Client, jobId, "CANCELED");
        var refused = await ReadProblemAsync(await Client.PostAsync($"jobs/{jobId}/checkpoints", null), HttpStatusCode.Conflict);
        Assert.Contains("CANCELED", refused);
    }

    [Theory]
    [InlineData("""{"intervalMs":-1}""", "checkpointing.intervalMs")]
    [InlineData("""{"intervalMs":1000,"retained":0}""", "checkpointing.retained")]
    [InlineData("""{"maxConcurrent":0}""", "checkpointing.maxConcurrent")]
    [InlineData("""{"intervalMs":"often"}""", "not a valid job submission")]
    public async Task PostJob_WhenCheckpointSettingsInvalid_Returns400NamingTheField(string checkpointing, string expected)
    {
        var before = (await ListJobsAsync(Client)).Length;

        var detail = await ReadProblemAsync(
            await Client.PostAsync("jobs", JsonBody($$"""{"job":"keyed-sum","checkpointing":{{checkpointing}}}""")), HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail);
        Assert.Equal(before, (await ListJobsAsync(Client)).Length);
    }

    [Theory]
    [InlineData("GET", "checkpoints")]
    [InlineData("GET", "checkpoints/config")]
    [InlineData("GET", "checkpoints/details/1")]
    [InlineData("POST", "checkpoints")]
    public async Task CheckpointRoutes_WhenJobUnknown_Return404(string method, string route)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"jobs/{Guid.NewGuid():N}/{route}");

        var detail = await ReadProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Contains("not found", detail);
    }
}
