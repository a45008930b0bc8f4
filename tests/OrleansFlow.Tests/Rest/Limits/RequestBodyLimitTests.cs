using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest.Limits;

/// <summary>
/// Request bodies are limited to <c>OrleansFlow:Api:MaxRequestBodyBytes</c> (default 1 MiB, on the shared silo): a larger
/// one, with or without <c>Content-Length</c>, is a 413 problem that names the limit and the setting, on every route
/// with a body, and changes nothing; a body exactly at the limit is read as usual.
/// </summary>
[Collection("rest")]
public sealed class RequestBodyLimitTests(SiloHostFixture silo)
{
    private const int Limit = 1 << 20;
    private const string UnknownJob = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("jobs", false)]
    [InlineData("jobs", true)]
    [InlineData($"jobs/{UnknownJob}/savepoints", false)]
    [InlineData($"jobs/{UnknownJob}/savepoints", true)]
    [InlineData($"jobs/{UnknownJob}/stop", false)]
    [InlineData($"jobs/{UnknownJob}/stop", true)]
    public async Task Post_WhenTheBodyIsOneByteOverTheLimit_Is413NamingLimitAndSetting(string path, bool chunked)
    {
        var before = (await ListJobsAsync(silo.Client)).Length;
        using var request = BodyRequests.Post(path, Limit + 1, chunked);

        using var response = await silo.Client.SendAsync(request);

        var detail = await ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains($"{Limit} bytes", detail);
        Assert.Contains("OrleansFlow:Api:MaxRequestBodyBytes", detail);
        Assert.Equal(chunked, request.Content!.Headers.ContentLength is null);
        Assert.Equal(before, (await ListJobsAsync(silo.Client)).Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Post_WhenTheBodyIsExactlyAtTheLimit_IsParsed(bool chunked)
    {
        using var request = BodyRequests.Post("jobs", Limit, chunked);

        using var response = await silo.Client.SendAsync(request);

        // Not JSON: the parser read it all and said so.
        var detail = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("not a valid job submission", detail);
    }
}
