using System.Net;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

/// <summary>
/// File sink outputs outside <c>OrleansFlow:Sinks:AllowedDirectories</c> are refused with a 400 naming the setting, and
/// nothing is created. The shared host allows only its own temporary folder (<see cref="TestSiloHost"/>), so "outside" is
/// a sibling folder in the OS temp folder, wherever the repository is cloned.
/// </summary>
[Collection("rest")]
public sealed class FileSinkPathApiTests(SiloHostFixture host) : IDisposable
{
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "orleansflow-sink-outside-" + Guid.NewGuid().ToString("N"));

    private HttpClient Client => host.Client;

    public void Dispose()
    {
        if (Directory.Exists(_outside)) Directory.Delete(_outside, recursive: true);
    }

    private async Task<string> RefusedAsync(string output)
    {
        var before = (await ListJobsAsync(Client)).Length;
        using var response = await Client.PostAsync("jobs", JsonBody($$$"""{"job":"keyed-sum","args":{"events":1000,"keys":10,"output":"{{{output}}}"}}"""));
        var detail = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(before, (await ListJobsAsync(Client)).Length);
        Assert.Contains("OrleansFlow:Sinks:AllowedDirectories", detail, StringComparison.Ordinal);
        return detail;
    }

    [Fact]
    public async Task PostJobs_WhenOutputIsAnAbsolutePathOutsideTheAllowedDirectories_RefusesAndCreatesNothing()
    {
        var output = Path.Combine(_outside, "out");

        var detail = await RefusedAsync(output);

        Assert.Contains($"Output '{output}' leads to '{output}', which is outside the directories file sinks may write to", detail, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(host.TempDirectory, "data", "output"), detail, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_outside), "a folder was created for a refused output");
    }

    [Fact]
    public async Task PostJobs_WhenOutputEscapesThroughParentSegments_RefusesAndCreatesNothing()
    {
        var relativeToTemp = Path.GetRelativePath(host.TempDirectory, _outside); // ../../work/…/outside-…
        Assert.StartsWith("..", relativeToTemp, StringComparison.Ordinal);

        Assert.Contains("through '..'", await RefusedAsync($"{host.TempDirectory}/{relativeToTemp}/out"), StringComparison.Ordinal);
        Assert.Contains("through '..'", await RefusedAsync("../../../../../../../../../../../../" + _outside.TrimStart('/') + "/out"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(_outside));
    }

    [Fact]
    public async Task PostJobs_WhenOutputEscapesThroughASymbolicLink_RefusesAndCreatesNothing()
    {
        Directory.CreateDirectory(_outside);
        var link = Path.Combine(host.TempDirectory, "link-" + Guid.NewGuid().ToString("N"));
        Directory.CreateSymbolicLink(link, _outside);

        var detail = await RefusedAsync(Path.Combine(link, "out"));

        Assert.Contains("through a symbolic link", detail, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
    }

    [Fact]
    public async Task PostJobs_WhenOutputIsRelative_WritesUnderTheDataDirectorysOutputFolder()
    {
        var name = "relative-" + Guid.NewGuid().ToString("N");

        var jobId = await SubmitAsync(Client, $$$"""{"job":"keyed-sum","args":{"events":1000,"keys":10,"output":"{{{name}}}/sums"}}""");
        await WaitForStatusAsync(Client, jobId, "FINISHED");

        var written = Path.Combine(host.TempDirectory, "data", "output", name, "sums");
        Assert.Equal(Runtime.OutputFiles.ExpectedKeyedSum(1000, 10), Runtime.OutputFiles.ParsePairs(Runtime.OutputFiles.ReadResult(written)));
    }

    [Fact]
    public async Task PostJobs_WhenOutputIsABlobLocation_IsNotAPathAndIsLeftToBlobStorage()
    {
        using var response = await Client.PostAsync("jobs", JsonBody("""{"job":"keyed-sum","args":{"events":10,"output":"blob:results"}}"""));

        var detail = await ReadProblemAsync(response, HttpStatusCode.BadRequest); // this silo has no Azure connection string
        Assert.Contains("OrleansFlow:Storage:ConnectionString", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowedDirectories", detail, StringComparison.Ordinal);
    }
}
