using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest.Security;

/// <summary>The standalone client with API keys and <c>OrleansFlow:Api:AnonymousReads=true</c>: GET routes open, the others not.</summary>
[Collection("keyed-api")]
public sealed class AnonymousReadsTests(KeyedApiFixture api)
{
    [Theory]
    [InlineData("jobs")]
    [InlineData("overview")]
    public async Task Get_WhenAnonymousReadsAndNoKey_Answers(string path)
    {
        using var response = await api.AnonymousReads.Http.GetAsync(path);

        await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("POST", "jobs")]
    [InlineData("PATCH", "jobs/0123456789abcdef0123456789abcdef?mode=cancel")]
    [InlineData("POST", "jobs/0123456789abcdef0123456789abcdef/savepoints")]
    [InlineData("DELETE", "savepoints/savepoint-x")]
    public async Task NonGet_WhenAnonymousReadsAndNoKey_Is401(string method, string path)
    {
        using var withKey = api.AnonymousReads.CreateClient(api.Key);
        var before = (await ListJobsAsync(withKey)).Length;
        var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = method == "DELETE" ? null : JsonBody("""{"job":"keyed-sum","parallelism":1,"args":{"events":10}}"""),
        };

        using var response = await api.AnonymousReads.Http.SendAsync(request);

        await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal(before, (await ListJobsAsync(withKey)).Length);
    }

    [Fact]
    public async Task Get_WhenAnonymousReadsAndAWrongKey_Is401()
    {
        using var wrong = api.AnonymousReads.CreateClient(api.WrongKey);

        using var response = await wrong.GetAsync("jobs");

        await ReadProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_WhenAnonymousReadsAndTheKey_IsAccepted()
    {
        using var withKey = api.AnonymousReads.CreateClient(api.Key);

        using var response = await withKey.PostAsync("jobs/0123456789abcdef0123456789abcdef/checkpoints", content: null);

        // Authorized: the route itself answers (an unknown job), not the authentication.
        await ReadProblemAsync(response, HttpStatusCode.NotFound);
    }
}
