using System.Net;
using OrleansFlow.KeyGroups;
using OrleansFlow.Tests.Rest;
using static OrleansFlow.Tests.Rest.RestTestSupport;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>The savepoint routes against the real silo host, on a savepoint made from a real keyed-sum checkpoint.</summary>
[Collection("rest")]
public sealed class SavepointApiTests(SiloHostFixture host)
{
    private HttpClient Client => host.Client;

    private static string NewName() => "sp-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task GetSavepoint_WhenCopiedFromAKeyedSumCheckpoint_ListsSumState128KeyGroupSizesAndSourceOffsets()
    {
        var (jobId, checkpointId, offsets) = await KeyedSumSavepoints.CheckpointAsync(host);
        var name = NewName();
        var folder = await KeyedSumSavepoints.CreateAsync(host, name);

        var body = await ReadJsonAsync(await Client.GetAsync($"savepoints/{name}"), HttpStatusCode.OK);

        Assert.Equal((name, "savepoint", jobId, "keyed-sum", checkpointId, 128, 3), (body.GetProperty("name").GetString(), body.GetProperty("kind").GetString(),
            body.GetProperty("jobId").GetString(), body.GetProperty("jobName").GetString(), body.GetProperty("checkpointId").GetInt64(),
            body.GetProperty("maxParallelism").GetInt32(), body.GetProperty("formatVersion").GetInt32()));
        Assert.True(body.GetProperty("completionTime").GetDateTimeOffset() >= body.GetProperty("triggerTime").GetDateTimeOffset());
        var operators = body.GetProperty("operators").EnumerateArray().ToDictionary(o => o.GetProperty("uid").GetString()!);
        var sum = operators["sum"];
        Assert.Equal(2, sum.GetProperty("parallelism").GetInt32());
        var state = Assert.Single(sum.GetProperty("states").EnumerateArray());
        Assert.Equal(("sum", "ValueState", "System.Int64", "System.Int64"), (state.GetProperty("name").GetString(), state.GetProperty("kind").GetString(),
            state.GetProperty("keyType").GetString(), state.GetProperty("valueType").GetString()));

        var keyGroups = sum.GetProperty("keyGroups").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 128), keyGroups.Select(k => k.GetProperty("keyGroup").GetInt32()));
        var files = sum.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(["sum-0", "sum-1"], files.Select(f => f.GetProperty("path").GetString()));
        var bytes = files.Select(f => File.ReadAllBytes(Path.Combine(folder, f.GetProperty("path").GetString()!))).ToList();
        Assert.Equal(bytes.Select(b => (long)b.Length), files.Select(f => f.GetProperty("size").GetInt64()));
        // The key-group sections fill each file between its state table and its offset index, with nothing else.
        Assert.Equal(bytes.Sum(KeyedSumSavepoints.SectionBytesOf), keyGroups.Sum(k => k.GetProperty("size").GetInt64()));
        Assert.Equal(bytes.Sum(b => (long)b.Length), sum.GetProperty("stateSize").GetInt64());
        Assert.Equal(bytes.Sum(b => (long)b.Length) + new FileInfo(Path.Combine(folder, "_metadata")).Length, body.GetProperty("totalSize").GetInt64());

        var sourceOffsets = operators["source"].GetProperty("sourceOffsets").EnumerateArray()
            .Select(o => (o.GetProperty("split").GetInt32(), o.GetProperty("offset").GetInt64()));
        Assert.Equal(offsets.Select((o, s) => (s, o)), sourceOffsets);
        Assert.Empty(operators["source"].GetProperty("states").EnumerateArray());
    }

    [Fact]
    public async Task GetSavepointState_WhenKeyInState_ReturnsItsSumAtTheCheckpoint()
    {
        var (_, _, offsets) = await KeyedSumSavepoints.CheckpointAsync(host);
        Assert.True(offsets.Sum() > 0, "the checkpoint was taken after some events");
        var name = NewName();
        await KeyedSumSavepoints.CreateAsync(host, name);

        foreach (var key in new long[] { 0, 1, 7, 500, 998, 999 })
        {
            using var response = await Client.GetAsync($"savepoints/{name}/state/sum/sum?key={key}");
            if (KeyedSumSavepoints.ExpectedSum(offsets, key) is not { } expected)
            {
                Assert.Contains($"No value for key {key}", await ReadProblemAsync(response, HttpStatusCode.NotFound));
                continue;
            }
            var body = await ReadJsonAsync(response, HttpStatusCode.OK);
            Assert.Equal((key, KeyGroupAssignment.AssignToKeyGroup(key, 128), expected),
                (body.GetProperty("key").GetInt64(), body.GetProperty("keyGroup").GetInt32(), body.GetProperty("value").GetInt64()));
        }
    }

    [Theory]
    [InlineData("sum/sum?key=1000", HttpStatusCode.NotFound, "No value for key 1000")]
    [InlineData("sum/sum?key=-3", HttpStatusCode.NotFound, "No value for key -3")]
    [InlineData("sum/sum?key=abc", HttpStatusCode.BadRequest, "System.Int64")]
    [InlineData("sum/sum?key=99999999999999999999", HttpStatusCode.BadRequest, "System.Int64")]
    [InlineData("sum/sum", HttpStatusCode.BadRequest, "'key' is required")]
    [InlineData("nope/sum?key=1", HttpStatusCode.NotFound, "no operator 'nope'")]
    [InlineData("sum/nope?key=1", HttpStatusCode.NotFound, "no state 'nope'; its states: sum")]
    [InlineData("source/sum?key=1", HttpStatusCode.NotFound, "no keyed state")]
    public async Task GetSavepointState_WhenRequestCannotBeAnswered_ReturnsProblemNamingWhy(string route, HttpStatusCode status, string expected)
    {
        var name = NewName();
        await KeyedSumSavepoints.CreateAsync(host, name);

        var detail = await ReadProblemAsync(await Client.GetAsync($"savepoints/{name}/state/{route}"), status);

        Assert.Contains(expected, detail);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/state/sum/sum?key=1")]
    [InlineData("DELETE", "")]
    public async Task SavepointRoutes_WhenSavepointUnknown_Return404(string method, string route)
    {
        var name = NewName();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"savepoints/{name}{route}");

        var detail = await ReadProblemAsync(await Client.SendAsync(request), HttpStatusCode.NotFound);

        Assert.Contains($"Savepoint '{name}' not found", detail);
    }

    [Theory]
    [InlineData("..%2Fjobs")]
    [InlineData("a%2Fb")]
    [InlineData(".hidden")]
    [InlineData("a%5Cb")]
    [InlineData("a%20b")]
    public async Task SavepointRoutes_WhenNameInvalid_Return400AndDeleteNothing(string name)
    {
        var existing = NewName();
        await KeyedSumSavepoints.CreateAsync(host, existing);

        Assert.Contains("invalid", await ReadProblemAsync(await Client.GetAsync($"savepoints/{name}"), HttpStatusCode.BadRequest));
        Assert.Contains("invalid", await ReadProblemAsync(await Client.GetAsync($"savepoints/{name}/state/sum/sum?key=1"), HttpStatusCode.BadRequest));
        Assert.Contains("invalid", await ReadProblemAsync(await Client.DeleteAsync($"savepoints/{name}"), HttpStatusCode.BadRequest));

        await ReadJsonAsync(await Client.GetAsync($"savepoints/{existing}"), HttpStatusCode.OK);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(KeyedSumSavepoints.DataDirectory(host), "jobs"), "_metadata", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task GetSavepoint_WhenMetadataCorruptOrMissing_Returns422NamingIt()
    {
        var name = NewName();
        var folder = await KeyedSumSavepoints.CreateAsync(host, name);
        await File.WriteAllTextAsync(Path.Combine(folder, "_metadata"), """{"formatVersion":1,"kind":"sav""");

        Assert.Contains("_metadata: Checkpoint metadata is not valid JSON", await ReadProblemAsync(await Client.GetAsync($"savepoints/{name}"), HttpStatusCode.UnprocessableEntity));
        Assert.Contains("_metadata", await ReadProblemAsync(await Client.GetAsync($"savepoints/{name}/state/sum/sum?key=1"), HttpStatusCode.UnprocessableEntity));

        File.Delete(Path.Combine(folder, "_metadata"));
        Assert.Contains("_metadata: missing", await ReadProblemAsync(await Client.GetAsync($"savepoints/{name}"), HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task GetSavepoint_WhenAStateFileHasOneCorruptByte_Returns422NamingTheFileAndChecksum()
    {
        var name = NewName();
        var folder = await KeyedSumSavepoints.CreateAsync(host, name);
        var file = Path.Combine(folder, "sum-1");
        var bytes = await File.ReadAllBytesAsync(file);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(file, bytes);

        var detail = await ReadProblemAsync(await Client.GetAsync($"savepoints/{name}"), HttpStatusCode.UnprocessableEntity);

        Assert.Contains($"savepoints/{name}/sum-1: checksum crc64:", detail);
        Assert.Contains("expected crc64:", detail);
    }

    [Fact]
    public async Task DeleteSavepoint_WhenItExists_Returns204ThenGetAndDeleteReturn404()
    {
        var (jobId, checkpointId, _) = await KeyedSumSavepoints.CheckpointAsync(host);
        var name = NewName();
        var folder = await KeyedSumSavepoints.CreateAsync(host, name);

        using var deleted = await Client.DeleteAsync($"savepoints/{name}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(Directory.Exists(folder));
        await ReadProblemAsync(await Client.GetAsync($"savepoints/{name}"), HttpStatusCode.NotFound);
        await ReadProblemAsync(await Client.DeleteAsync($"savepoints/{name}"), HttpStatusCode.NotFound);
        Assert.True(File.Exists(Path.Combine(KeyedSumSavepoints.DataDirectory(host), "jobs", jobId, $"chk-{checkpointId}", "_metadata")));
    }
}
