using System.Net;
using System.Text.Json;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Rest;

/// <summary>
/// <c>targetDirectory</c> and <c>savepointPath</c> are storage paths: an absolute path or <c>file://</c> URI is taken
/// only inside the storage root (the silo's data directory here) and made relative; any other is a 400 that says what
/// a storage path is, and nothing changes (no folder, no savepoint, no job; the job keeps running).
/// </summary>
[Collection("rest")]
public sealed class SavepointPathApiTests(SiloHostFixture host) : IDisposable
{
    private readonly string _outside = Path.Combine(Path.GetTempPath(), "orleansflow-sp-outside-" + Guid.NewGuid().ToString("N"));

    private HttpClient Client => host.Client;

    private string Root => Path.Combine(host.TempDirectory, "data");

    public void Dispose()
    {
        if (Directory.Exists(_outside)) Directory.Delete(_outside, recursive: true);
    }

    private string[] StorageFolders() =>
        Directory.GetDirectories(Root, "*", SearchOption.AllDirectories).Where(d => !d.StartsWith(Path.Combine(Root, "jobs"), StringComparison.Ordinal)).Order().ToArray();

    private async Task<string> RunningJobAsync()
    {
        var jobId = await SubmitAsync(Client, """{"job":"keyed-sum","args":{"events":0,"keys":10,"rate":1000}}""");
        await WaitForStatusAsync(Client, jobId, "RUNNING");
        return jobId;
    }

    private async Task CancelAsync(string jobId)
    {
        using var cancel = await PatchAsync(Client, jobId, "?mode=cancel");
        await WaitForStatusAsync(Client, jobId, "CANCELED");
    }

    private async Task<string> CompletedLocationAsync(string jobId, HttpResponseMessage accepted)
    {
        var triggerId = (await ReadJsonAsync(accepted, HttpStatusCode.Accepted)).GetProperty("triggerId").GetString();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement status;
        while ((status = await ReadJsonAsync(await Client.GetAsync($"jobs/{jobId}/savepoints/{triggerId}"), HttpStatusCode.OK)).GetProperty("status").GetString() == "IN_PROGRESS")
        {
            Assert.True(DateTime.UtcNow < deadline, "savepoint still in progress");
            await Task.Delay(50);
        }
        Assert.True(status.GetProperty("status").GetString() == "COMPLETED", status.ToString());
        return status.GetProperty("location").GetString()!;
    }

    [Fact]
    public async Task PostSavepointsAndStop_WhenTargetIsNotAStoragePath_RefuseSayingWhatOneIsAndChangeNothing()
    {
        var jobId = await RunningJobAsync();
        var before = StorageFolders();

        foreach (var (route, target, reason) in new[]
        {
            ("savepoints", _outside, "it is outside the storage root"),
            ("savepoints", "file://" + _outside, "it is outside the storage root"),
            ("savepoints", "savepoints/../x", "it has a '..' segment"),
            ("savepoints", "s3://bucket/sp", "it is a URI; only file:// URIs inside the storage root are storage paths"),
            ("stop", _outside, "it is outside the storage root"),
        })
        {
            using var response = await Client.PostAsync($"jobs/{jobId}/{route}", JsonBody($$$"""{"targetDirectory":"{{{target}}}"}"""));
            var detail = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal(
                $"targetDirectory '{target}' is not a storage path: {reason}" +
                (reason.StartsWith("it is outside", StringComparison.Ordinal) ? $" (it leads to {_outside})" : "") +
                $". A storage path is a path relative to the storage root, such as savepoints/my-sp; or an absolute path or file:// URI inside the storage root {Root}.",
                detail);
        }

        Assert.False(Directory.Exists(_outside), "a folder was created outside the storage root");
        Assert.Equal(before, StorageFolders()); // in particular no rebased {root}/tmp/…
        Assert.Equal("RUNNING", (await GetJobAsync(Client, jobId)).GetProperty("status").GetString());
        await CancelAsync(jobId);
    }

    [Fact]
    public async Task PostSavepoints_WhenTargetIsAbsoluteInsideTheRoot_WritesThereAndAnswersTheRelativeLocation()
    {
        var jobId = await RunningJobAsync();
        var folder = "absolute-" + Guid.NewGuid().ToString("N");

        var location = await CompletedLocationAsync(jobId, await Client.PostAsync($"jobs/{jobId}/savepoints", JsonBody($$$"""{"targetDirectory":"{{{Path.Combine(Root, folder)}}}"}""")));
        var viaUri = await CompletedLocationAsync(jobId, await Client.PostAsync($"jobs/{jobId}/savepoints", JsonBody($$$"""{"targetDirectory":"{{{new Uri(Path.Combine(Root, folder)).AbsoluteUri}}}"}""")));

        Assert.StartsWith(folder + "/savepoint-", location, StringComparison.Ordinal);
        Assert.StartsWith(folder + "/savepoint-", viaUri, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Root, location, "_metadata")));
        await CancelAsync(jobId);

        // And a submission from it by its absolute path (and by the file:// URI of its _metadata) is made relative too.
        var restored = await SubmitAsync(Client, $$$"""{"job":"keyed-sum","savepointPath":"{{{Path.Combine(Root, location)}}}","args":{"events":0,"keys":10,"rate":1000}}""");
        await WaitForStatusAsync(Client, restored, "RUNNING");
        await CancelAsync(restored);
        var fromUri = await SubmitAsync(Client, $$$"""{"job":"keyed-sum","savepointPath":"{{{new Uri(Path.Combine(Root, location, "_metadata")).AbsoluteUri}}}","args":{"events":0,"keys":10,"rate":1000}}""");
        await WaitForStatusAsync(Client, fromUri, "RUNNING");
        await CancelAsync(fromUri);
    }

    [Fact]
    public async Task PostJobs_WhenSavepointPathIsOutsideTheRoot_RefusesWithoutAJobOrAFolder()
    {
        var before = (await ListJobsAsync(Client)).Length;
        var folders = StorageFolders();
        Directory.CreateDirectory(_outside); // it exists, and would be found under the root if it were rebased silently

        foreach (var path in new[] { _outside, "file://" + _outside, "savepoints/../savepoints/x" })
        {
            using var response = await Client.PostAsync("jobs", JsonBody($$$"""{"job":"keyed-sum","savepointPath":"{{{path}}}","args":{"events":0}}"""));
            var detail = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
            Assert.StartsWith($"savepointPath '{path}' is not a storage path: ", detail, StringComparison.Ordinal);
            Assert.EndsWith($"A storage path is a path relative to the storage root, such as savepoints/my-sp; or an absolute path or file:// URI inside the storage root {Root}.", detail, StringComparison.Ordinal);
        }

        Assert.Equal(before, (await ListJobsAsync(Client)).Length);
        Assert.Equal(folders, StorageFolders());
        Assert.Empty(Directory.GetFileSystemEntries(_outside));
    }
}
