using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace OrleansFlow.Tests.Rest;

/// <summary>Small helpers over the REST API for the tests.</summary>
internal static class RestTestSupport
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan PollDeadline = TimeSpan.FromSeconds(60);

    public static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    /// <summary>Reads the body as JSON after checking the status and the media type.</summary>
    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode status, string mediaType = "application/json")
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} but got {(int)response.StatusCode}: {text}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>Checks a problem answer and returns its detail.</summary>
    public static async Task<string> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await ReadJsonAsync(response, status, "application/problem+json");
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        return detail!;
    }

    /// <summary>POST /jobs, expecting 202 and a 32-hex job id.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, string json)
    {
        using var response = await client.PostAsync("jobs", JsonBody(json));
        var body = await ReadJsonAsync(response, HttpStatusCode.Accepted);
        var jobId = body.GetProperty("jobId").GetString();
        Assert.NotNull(jobId);
        Assert.Matches("^[0-9a-f]{32}$", jobId);
        return jobId!;
    }

    /// <summary>GET /jobs/{id}, expecting 200 JSON.</summary>
    public static async Task<JsonElement> GetJobAsync(HttpClient client, string jobId)
    {
        using var response = await client.GetAsync($"jobs/{jobId}");
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Polls GET /jobs/{id} until its status is <paramref name="status"/>; fails on another terminal status or at the deadline.</summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string jobId, string status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await GetJobAsync(client, jobId);
            var current = job.GetProperty("status").GetString();
            if (current == status) return job;
            if (current is "FINISHED" or "CANCELED" or "FAILED")
                Assert.Fail($"Job {jobId} ended {current} while waiting for {status}: {job}");
            if (clock.Elapsed > PollDeadline)
                Assert.Fail($"Job {jobId} still {current} after {PollDeadline.TotalSeconds} s while waiting for {status}: {job}");
            await Task.Delay(PollInterval);
        }
    }

    /// <summary>GET /jobs, expecting 200 JSON; the listed jobs.</summary>
    public static async Task<JsonElement[]> ListJobsAsync(HttpClient client)
    {
        using var response = await client.GetAsync("jobs");
        var body = await ReadJsonAsync(response, HttpStatusCode.OK);
        return body.GetProperty("jobs").EnumerateArray().ToArray();
    }

    /// <summary>PATCH /jobs/{id} with the query <paramref name="query"/> (e.g. "?mode=cancel").</summary>
    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, string jobId, string query) =>
        client.PatchAsync($"jobs/{jobId}{query}", content: null);
}
