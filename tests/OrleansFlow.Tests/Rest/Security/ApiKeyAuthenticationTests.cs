using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest.Security;

/// <summary>A silo with API keys: every route but the health probes needs one, sent as <c>Authorization: Bearer</c>.</summary>
[Collection("keyed-api")]
public sealed class ApiKeyAuthenticationTests(KeyedApiFixture api)
{
    private const string SmallJob = """{"job":"keyed-sum","parallelism":1,"args":{"events":100000000,"keys":10,"rate":1000}}""";

    [Theory]
    [InlineData("GET", "jobs")]
    [InlineData("GET", "overview")]
    [InlineData("GET", "jobs/0123456789abcdef0123456789abcdef")]
    [InlineData("GET", "no-such-route")]
    [InlineData("POST", "jobs")]
    [InlineData("PATCH", "jobs/0123456789abcdef0123456789abcdef?mode=cancel")]
    [InlineData("POST", "jobs/0123456789abcdef0123456789abcdef/checkpoints")]
    [InlineData("POST", "jobs/0123456789abcdef0123456789abcdef/rescaling?parallelism=2")]
    [InlineData("DELETE", "savepoints/savepoint-x")]
    public async Task Request_WhenNoKeyIsSent_Is401ProblemWithBearerChallenge(string method, string path)
    {
        using var response = await api.Silo.Client.SendAsync(Request(method, path));

        var detail = await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", detail);
        Assert.Contains("OrleansFlow:Api:Keys", detail);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
    }

    [Theory]
    [InlineData("wrong-key-same-shape")]
    [InlineData("short")]
    [InlineData("basic-scheme")]
    [InlineData("empty-bearer")]
    public async Task Request_WhenTheKeyIsWrong_Is401InvalidToken(string kind)
    {
        var header = kind switch
        {
            "wrong-key-same-shape" => $"Bearer {api.WrongKey}",
            "short" => "Bearer x",
            "basic-scheme" => $"Basic {Convert.ToBase64String("user:"u8.ToArray())}{api.Key}",
            _ => "Bearer ",
        };
        var request = Request("GET", "jobs");
        request.Headers.TryAddWithoutValidation("Authorization", header);

        using var response = await api.Silo.Client.SendAsync(request);

        await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("error=\"invalid_token\"", challenge.Parameter);
    }

    [Fact]
    public async Task MutatingRoutes_WhenNoKeyOrAWrongKeyIsSent_ChangeNothing()
    {
        using var withKey = api.Silo.CreateClient(api.Key);
        var before = (await ListJobsAsync(withKey)).Length;
        using var wrong = api.Silo.CreateClient(api.WrongKey);

        using var anonymous = await api.Silo.Client.PostAsync("jobs", JsonBody(SmallJob));
        using var wrongKey = await wrong.PostAsync("jobs", JsonBody(SmallJob));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(before, (await ListJobsAsync(withKey)).Length);
    }

    [Fact]
    public async Task Routes_WhenEitherConfiguredKeyIsSent_Answer()
    {
        using var first = api.Silo.CreateClient(api.Key);
        using var second = api.Silo.CreateClient(api.SecondKey);

        await ListJobsAsync(first);
        var jobId = await SubmitAsync(second, SmallJob);
        await WaitForStatusAsync(first, jobId, "RUNNING");
        using var cancel = await PatchAsync(second, jobId, "?mode=cancel");
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await WaitForStatusAsync(first, jobId, "CANCELED");
    }

    [Theory]
    [InlineData("healthz")]
    [InlineData("healthz/ready")]
    public async Task HealthProbe_WhenKeysAreSet_AnswersWithoutKey(string path)
    {
        using var response = await api.Silo.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        var checks = body.RootElement.GetProperty("checks");
        if (path == "healthz/ready")
        {
            Assert.Equal("Healthy", checks.GetProperty("silo").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("checkpoint-storage").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Post_WhenTheBodyExceedsTheConfiguredLimit_Is413NamingLimitAndSetting()
    {
        using var client = api.Silo.CreateClient(api.Key);

        using var request = Limits.BodyRequests.Post("jobs", KeyedApiFixture.BodyLimit + 1);

        using var response = await client.SendAsync(request);

        var detail = await ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"{KeyedApiFixture.BodyLimit} bytes", detail);
        Assert.Contains("OrleansFlow:Api:MaxRequestBodyBytes", detail);
    }

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "GET" or "DELETE" ? null : JsonBody(SmallJob),
    };
}
