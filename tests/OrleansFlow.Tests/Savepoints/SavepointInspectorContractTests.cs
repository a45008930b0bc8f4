using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.Savepoints;
using OrleansFlow.State;
using OrleansFlow.Storage;
using OrleansFlow.Tests.State;
using static OrleansFlow.Tests.Savepoints.SavepointTestStates;

namespace OrleansFlow.Tests.Savepoints;

/// <summary><see cref="SavepointInspector"/> over every <see cref="ICheckpointStorage"/>, on savepoints with real state files.</summary>
public abstract class SavepointInspectorContractTests
{
    private const string Name = "sp-1";
    private ReadRecordingCheckpointStorage? _storage;
    private SavepointInspector? _inspector;

    /// <summary>A fresh, empty storage for one test.</summary>
    protected abstract ICheckpointStorage CreateStorage();

    private ReadRecordingCheckpointStorage Storage => _storage ??= new ReadRecordingCheckpointStorage(CreateStorage());

    private SavepointInspector Inspector => _inspector ??= new SavepointInspector(
        Storage, new CompletedCheckpointStore(Storage, NullLogger<CompletedCheckpointStore>.Instance), StateTestSupport.Serializer, NullLogger<SavepointInspector>.Instance);

    [Fact]
    public async Task InspectAsync_WhenSavepointComplete_DescribesJobOperatorsStatesKeyGroupsAndOffsets()
    {
        var metadata = await SavepointSamples.WriteAsync(Storage, Name);

        var info = await Inspector.InspectAsync(Name);

        Assert.Equal((Name, "savepoint", SavepointSamples.JobId, "sample", SavepointSamples.CheckpointId, MaxParallelism, 3),
            (info.Name, info.Kind, info.JobId, info.JobName, info.CheckpointId, info.MaxParallelism, info.FormatVersion));
        Assert.Equal((SavepointSamples.Trigger, SavepointSamples.Trigger.AddMilliseconds(250)), (info.TriggerTime, info.CompletionTime));
        Assert.Equal([SavepointSamples.SourceUid, SavepointSamples.OperatorUid], info.Operators.Select(o => o.Uid)); // ordinal uid order
        var source = info.Operators.Single(o => o.Uid == SavepointSamples.SourceUid);
        Assert.Equal([new SavepointSourceOffset(0, 100), new SavepointSourceOffset(1, 101)], source.SourceOffsets);
        Assert.Empty(source.States);
        var stats = info.Operators.Single(o => o.Uid == SavepointSamples.OperatorUid);
        Assert.Equal(2, stats.Parallelism);
        Assert.Equal(
            [
                new SavepointStateInfo("count", "ValueState", "System.Int64", "System.Int64"),
                new SavepointStateInfo("events", "ListState", "System.Int64", "System.Collections.Generic.List<System.String>"),
                new SavepointStateInfo("max", "ReducingState", "System.Int64", "System.Int64"),
                new SavepointStateInfo("mean", "AggregatingState", "System.Int64", "System.ValueTuple<System.Int64, System.Int64>"),
                new SavepointStateInfo("pairs", "MapState", "System.Int64", "System.Collections.Generic.Dictionary<System.ValueTuple<System.Int64, System.Int64>, System.Int64>"),
                new SavepointStateInfo("totals", "MapState", "System.Int64", "System.Collections.Generic.Dictionary<System.String, System.Int64>"),
            ],
            stats.States);
        Assert.Equal(["stats-0", "stats-1"], stats.Files.Select(f => f.Path));
        Assert.Equal([new KeyGroupRange(0, 63), new KeyGroupRange(64, 127)], stats.Files.Select(f => f.KeyGroups));
        var files = metadata.Operators.Single(o => o.Uid == SavepointSamples.OperatorUid).States;
        Assert.Equal(Enumerable.Range(0, MaxParallelism), stats.KeyGroups.Select(k => k.KeyGroup));
        Assert.Equal(files.SelectMany(f => f.KeyGroupLengths), stats.KeyGroups.Select(k => k.Size));
        Assert.All(stats.KeyGroups, k => Assert.True(k.Size > 4, $"key group {k.KeyGroup} has entries"));
        Assert.Equal(files.Sum(f => f.Size), stats.StateSize);
        var metadataSize = (await Storage.GetLengthAsync($"savepoints/{Name}/_metadata"))!.Value;
        Assert.Equal(metadataSize + stats.StateSize, info.TotalSize);
        Assert.Contains(Name, info.Location);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(42L)]
    [InlineData(999L)]
    public async Task ReadStateAsync_WhenKeyPresent_ReturnsEachStateAsJsonWithItsKeyGroup(long key)
    {
        await SavepointSamples.WriteAsync(Storage, Name);
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(key, MaxParallelism);

        foreach (var (state, expected) in ExpectedJson(key))
        {
            var value = await Inspector.ReadStateAsync(Name, SavepointSamples.OperatorUid, state, key.ToString());

            Assert.Equal((SavepointErrorKind.None, key.ToString(), keyGroup, expected), (value.Error, value.KeyJson, value.KeyGroup, value.ValueJson));
            Assert.Equal($"stats-{KeyGroupAssignment.ComputeOperatorIndexForKeyGroup(MaxParallelism, 2, keyGroup)}", value.File);
        }
    }

    [Fact]
    public async Task ReadStateAsync_WhenTheStateIsOperatorState_ReturnsTheListInSubtaskOrderAndABroadcastEntry()
    {
        await SavepointSamples.WriteWithOperatorStateAsync(Storage, Name);

        var list = await Inspector.ReadStateAsync(Name, SavepointSamples.BufferUid, "list", null);
        var rule = await Inspector.ReadStateAsync(Name, SavepointSamples.BufferUid, "rules", "a");
        var keyed = await Assert.ThrowsAsync<SavepointRequestException>(() => Inspector.ReadStateAsync(Name, SavepointSamples.BufferUid, "list", "a"));

        Assert.Equal(("list", "[0,1,10,11]"), (list.Mode, list.ValueJson));
        Assert.Equal(("broadcast", "\"a\"", "1"), (rule.Mode, rule.KeyJson, rule.ValueJson));
        Assert.Equal(SavepointErrorKind.InvalidRequest, keyed.Kind);
    }

    [Fact]
    public async Task ReadStateAsync_WhenOperatorStateFilesExceedTheReadLimit_RefusesNamingTheLimit()
    {
        await SavepointSamples.WriteWithOperatorStateAsync(Storage, Name, claimedSize: SavepointInspector.MaxOperatorStateReadBytes);

        var e = await Assert.ThrowsAsync<SavepointRequestException>(() => Inspector.ReadStateAsync(Name, SavepointSamples.BufferUid, "list", null));

        Assert.Equal(SavepointErrorKind.Unprocessable, e.Kind);
        Assert.Contains($"more than the {SavepointInspector.MaxOperatorStateReadBytes} this route reads", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadStateAsync_WhenReadingOneKey_ReadsNoOtherKeyGroupsSection()
    {
        var metadata = await SavepointSamples.WriteAsync(Storage, Name);
        const long key = 777;
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(key, MaxParallelism);
        var files = metadata.Operators.Single(o => o.Uid == SavepointSamples.OperatorUid).States;

        var value = await Inspector.ReadStateAsync(Name, SavepointSamples.OperatorUid, "events", "777");

        Assert.Equal("""["a777","b777"]""", value.ValueJson);
        foreach (var (path, stream) in Storage.Opened)
        {
            var file = files.Single(f => $"savepoints/{Name}/{f.RelativePath}" == path);
            var dataStart = file.KeyGroupOffsets[0];
            var dataEnd = file.KeyGroupOffsets[^1] + file.KeyGroupLengths[^1];
            var index = file.KeyGroups.Contains(keyGroup) ? keyGroup - file.KeyGroups.StartKeyGroup : -1;
            foreach (var (offset, count) in stream.Reads)
            {
                var inData = offset + count > dataStart && offset < dataEnd;
                if (!inData) continue; // header, state table, index or footer
                Assert.True(index >= 0 && offset >= file.KeyGroupOffsets[index] && offset + count <= file.KeyGroupOffsets[index] + file.KeyGroupLengths[index],
                    $"{path}: read [{offset}, +{count}) outside the section of key group {keyGroup}");
            }
            Assert.True(stream.BytesRead < file.Size / 10, $"{path}: read {stream.BytesRead} of {file.Size} bytes");
        }
        var holder = files.Single(f => f.KeyGroups.Contains(keyGroup));
        Assert.Contains(Storage.Opened, o => o.Path.EndsWith(holder.RelativePath, StringComparison.Ordinal)
            && o.Stream.Reads.Any(r => r.Offset == holder.KeyGroupOffsets[keyGroup - holder.KeyGroups.StartKeyGroup]));
    }

    [Fact]
    public async Task ReadStateAsync_WhenKeyHasNoValue_ThrowsNotFoundNoValueForKey()
    {
        await SavepointSamples.WriteAsync(Storage, Name);
        var absent = AbsentKeyInKeyGroupOf(42);

        var error = await RefusedAsync(() => Inspector.ReadStateAsync(Name, SavepointSamples.OperatorUid, "count", absent.ToString()), SavepointErrorKind.NotFound);

        Assert.Contains($"No value for key {absent}", error);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("4.5")]
    [InlineData("")]
    public async Task ReadStateAsync_WhenKeyDoesNotParse_ThrowsInvalidRequestNamingTheKeyType(string key)
    {
        await SavepointSamples.WriteAsync(Storage, Name);

        var error = await RefusedAsync(() => Inspector.ReadStateAsync(Name, SavepointSamples.OperatorUid, "count", key), SavepointErrorKind.InvalidRequest);

        Assert.Contains("System.Int64", error);
    }

    [Theory]
    [InlineData("nope", "count", "no operator 'nope'")]
    [InlineData("stats", "nope", "no state 'nope'; its states: count, events, max, mean, pairs, totals")]
    [InlineData("source", "count", "has no keyed state")]
    public async Task ReadStateAsync_WhenOperatorOrStateUnknown_ThrowsNotFoundNamingIt(string uid, string state, string expected)
    {
        await SavepointSamples.WriteAsync(Storage, Name);

        var error = await RefusedAsync(() => Inspector.ReadStateAsync(Name, uid, state, "1"), SavepointErrorKind.NotFound);

        Assert.Contains(expected, error);
    }

    [Fact]
    public async Task ReadStateAsync_WhenValueTypeCannotBeLoaded_ThrowsUnprocessableNamingTheType()
    {
        await SavepointSamples.WriteWithUnknownValueTypeAsync(Storage, "ghost", "Gone.Away.Type");

        var error = await RefusedAsync(() => Inspector.ReadStateAsync("ghost", SavepointSamples.OperatorUid, "ghost", "1"), SavepointErrorKind.Unprocessable);

        Assert.Contains("Gone.Away.Type", error);
        Assert.Equal("Gone.Away.Type", (await Inspector.InspectAsync("ghost")).Operators.Single(o => o.Uid == SavepointSamples.OperatorUid).States.Single().ValueType);
    }

    [Fact]
    public async Task Requests_WhenSavepointDoesNotExist_ThrowNotFound()
    {
        await SavepointSamples.WriteAsync(Storage, "other");

        Assert.Contains("'sp-1' not found", await RefusedAsync(() => Inspector.InspectAsync(Name), SavepointErrorKind.NotFound));
        await RefusedAsync(() => Inspector.ReadStateAsync(Name, "stats", "count", "1"), SavepointErrorKind.NotFound);
        await RefusedAsync(() => Inspector.DeleteAsync(Name), SavepointErrorKind.NotFound);
    }

    [Theory]
    [InlineData("..")]
    [InlineData("a/b")]
    [InlineData("../jobs")]
    [InlineData("")]
    public async Task Requests_WhenNameInvalid_ThrowInvalidRequestAndTouchNothing(string name)
    {
        await SavepointSamples.WriteAsync(Storage, Name);

        await RefusedAsync(() => Inspector.InspectAsync(name), SavepointErrorKind.InvalidRequest);
        await RefusedAsync(() => Inspector.DeleteAsync(name), SavepointErrorKind.InvalidRequest);

        Assert.Equal(3, (await Storage.ListAsync("savepoints")).Count);
    }

    [Fact]
    public async Task InspectAsync_WhenMetadataMissingOrCorrupt_ThrowsUnprocessableNamingIt()
    {
        await SavepointSamples.WriteAsync(Storage, Name);
        await Storage.DeleteAsync($"savepoints/{Name}/_metadata");

        Assert.Contains("_metadata: missing", await RefusedAsync(() => Inspector.InspectAsync(Name), SavepointErrorKind.Unprocessable));
        Assert.Contains("_metadata: missing", await RefusedAsync(() => Inspector.ReadStateAsync(Name, "stats", "count", "1"), SavepointErrorKind.Unprocessable));

        await Storage.WriteAsync($"savepoints/{Name}/_metadata", Encoding.UTF8.GetBytes("""{"formatVersion":1,"kind":"savepo"""));
        Assert.Contains("_metadata: Checkpoint metadata is not valid JSON", await RefusedAsync(() => Inspector.InspectAsync(Name), SavepointErrorKind.Unprocessable));
        Assert.Contains("_metadata", await RefusedAsync(() => Inspector.ReadStateAsync(Name, "stats", "count", "1"), SavepointErrorKind.Unprocessable));
    }

    [Fact]
    public async Task InspectAsync_WhenAStateFileHasOneCorruptByte_ThrowsUnprocessableNamingTheFileAndChecksum()
    {
        await SavepointSamples.WriteAsync(Storage, Name);
        var path = $"savepoints/{Name}/stats-1";
        var bytes = (await Storage.ReadAllAsync(path))!;
        bytes[bytes.Length / 2] ^= 0x5a;
        await Storage.WriteAsync(path, bytes);

        var error = await RefusedAsync(() => Inspector.InspectAsync(Name), SavepointErrorKind.Unprocessable);

        Assert.Contains($"state file {path}: checksum crc64:", error);
    }

    [Fact]
    public async Task ReadStateAsync_WhenTheKeysSectionHasOneCorruptByte_ThrowsUnprocessableNamingTheKeyGroupAndReadsOtherKeyGroups()
    {
        var metadata = await SavepointSamples.WriteAsync(Storage, Name);
        const long key = 999;
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(key, MaxParallelism);
        var file = metadata.Operators.Single(o => o.Uid == SavepointSamples.OperatorUid).States.Single(f => f.KeyGroups.Contains(keyGroup));
        var path = $"savepoints/{Name}/{file.RelativePath}";
        var index = keyGroup - file.KeyGroups.StartKeyGroup;
        var bytes = (await Storage.ReadAllAsync(path))!;
        bytes[file.KeyGroupOffsets[index] + file.KeyGroupLengths[index] / 2] ^= 0x5a; // same size: only the section checksum can tell
        await Storage.WriteAsync(path, bytes);
        var other = Enumerable.Range(0, 10_000).Select(k => (long)k)
            .First(k => KeyGroupAssignment.AssignToKeyGroup(k, MaxParallelism) is var g && g != keyGroup && file.KeyGroups.Contains(g) && k < 1000);

        var error = await RefusedAsync(() => Inspector.ReadStateAsync(Name, SavepointSamples.OperatorUid, "count", key.ToString()), SavepointErrorKind.Unprocessable);
        var value = await Inspector.ReadStateAsync(Name, SavepointSamples.OperatorUid, "count", other.ToString());

        Assert.Contains($"state file {path}: ", error);
        Assert.Contains($"the section of key group {keyGroup} has checksum", error);
        Assert.Equal(SavepointErrorKind.None, value.Error);
    }

    [Fact]
    public async Task ReadStateAsync_WhenTheKeysFileIsTruncatedOrMissing_ThrowsUnprocessableNamingTheFile()
    {
        await SavepointSamples.WriteAsync(Storage, Name);
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(999L, MaxParallelism);
        var path = $"savepoints/{Name}/stats-{KeyGroupAssignment.ComputeOperatorIndexForKeyGroup(MaxParallelism, 2, keyGroup)}";
        var bytes = (await Storage.ReadAllAsync(path))!;
        await Storage.WriteAsync(path, bytes.AsMemory(0, bytes.Length - 100));

        Assert.Contains($"state file {path}: size {bytes.Length - 100} bytes expected {bytes.Length}",
            await RefusedAsync(() => Inspector.ReadStateAsync(Name, "stats", "count", "999"), SavepointErrorKind.Unprocessable));
        await Storage.DeleteAsync(path);
        Assert.Contains($"state file {path}: missing", await RefusedAsync(() => Inspector.ReadStateAsync(Name, "stats", "count", "999"), SavepointErrorKind.Unprocessable));
    }

    [Fact]
    public async Task InspectAsync_WhenAStateFileLiesOutsideTheSavepointFolder_ThrowsUnprocessable()
    {
        var folder = StoragePaths.Savepoint(Name);
        var metadata = await SavepointSamples.WriteAsync(Storage, "other");
        var escaping = metadata with
        {
            Operators = metadata.Operators.Select(o => o with { States = o.States.Select(f => f with { RelativePath = $"../other/{f.RelativePath}" }).ToArray() }).ToArray(),
        };
        await Storage.WriteAsync($"{folder}/_metadata", CheckpointMetadataSerializer.Serialize(escaping));

        Assert.Contains("self-contained", await RefusedAsync(() => Inspector.InspectAsync(Name), SavepointErrorKind.Unprocessable));
        Assert.Contains("self-contained", await RefusedAsync(() => Inspector.ReadStateAsync(Name, "stats", "count", "1"), SavepointErrorKind.Unprocessable));
    }

    [Fact]
    public async Task DeleteAsync_WhenSavepointExists_DeletesItsFilesOnlyAndThenItIsNotFound()
    {
        await SavepointSamples.WriteAsync(Storage, Name);
        await SavepointSamples.WriteAsync(Storage, "sp-10");
        await Storage.WriteAsync("jobs/j/job.json", Encoding.UTF8.GetBytes("{}"));

        Assert.Equal(3, await Inspector.DeleteAsync(Name));

        Assert.Empty(await Storage.ListAsync(StoragePaths.Savepoint(Name)));
        Assert.Equal(3, (await Storage.ListAsync(StoragePaths.Savepoint("sp-10"))).Count);
        Assert.NotNull(await Storage.ReadAllAsync("jobs/j/job.json"));
        await RefusedAsync(() => Inspector.InspectAsync(Name), SavepointErrorKind.NotFound);
        await RefusedAsync(() => Inspector.DeleteAsync(Name), SavepointErrorKind.NotFound);
    }

    private static async Task<string> RefusedAsync<T>(Func<Task<T>> call, SavepointErrorKind kind)
    {
        var error = await Assert.ThrowsAsync<SavepointRequestException>(call);
        Assert.Equal(kind, error.Kind);
        return error.Message;
    }
}
