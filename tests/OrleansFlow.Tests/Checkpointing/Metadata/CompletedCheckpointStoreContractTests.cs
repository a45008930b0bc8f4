using System.Text;
using Microsoft.Extensions.Logging;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.Storage;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Checkpointing.Metadata;

/// <summary>
/// <see cref="CompletedCheckpointStore"/> over every <see cref="ICheckpointStorage"/>: checkpoints with real state files
/// and checksums, then damage, then what a restore picks (invariant 5).
/// </summary>
public abstract class CompletedCheckpointStoreContractTests
{
    private const string JobId = "j";
    private const int MaxParallelism = 128;
    private ICheckpointStorage? _storage;
    private CompletedCheckpointStore? _store;

    /// <summary>A fresh, empty storage for one test.</summary>
    protected abstract ICheckpointStorage CreateStorage();

    private ICheckpointStorage Storage => _storage ??= CreateStorage();

    private RecordingLogger<CompletedCheckpointStore> Logger { get; } = new();

    private CompletedCheckpointStore Store => _store ??= new CompletedCheckpointStore(Storage, Logger);

    [Fact]
    public async Task WriteMetadataAsync_WhenCalled_WritesReadableMetadataAtTheFolderMetadataPath()
    {
        var metadata = MetadataSamples.Sample();

        var path = await Store.WriteMetadataAsync(metadata, "jobs/j/chk-3", CancellationToken.None);

        Assert.Equal("jobs/j/chk-3/_metadata", path);
        var read = CheckpointMetadataSerializer.Deserialize(await Storage.ReadAllAsync(path));
        Assert.Equivalent(metadata, read, strict: true);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenNewestFolderHasNoMetadata_ChoosesTheLatestCompleteCheckpoint()
    {
        await WriteCheckpointsAsync(1, 2, 3);
        await WriteStateFilesAsync(4); // incomplete: its tasks wrote, the coordinator never wrote _metadata

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.NotNull(result.Plan);
        Assert.Equal(3, result.Plan.Metadata.CheckpointId);
        Assert.Equal("jobs/j/chk-3", result.Plan.MetadataFolder);
        Assert.Equal("jobs/j/chk-3/sum-1", result.Plan.PathOf(result.Plan.Metadata.Operators.Single(o => o.Uid == "sum").States.Single(s => s.Subtask == 1)));
        Assert.Empty(result.Skipped);
        Assert.DoesNotContain(Logger.Entries, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenNewestStateFileHasOneCorruptByte_FallsBackAndNamesTheFileAndTheChecksum()
    {
        await WriteCheckpointsAsync(1, 2, 3);
        await FlipOneByteAsync("jobs/j/chk-3/sum-1");

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Equal(2, result.Plan?.Metadata.CheckpointId);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(3, skipped.CheckpointId);
        Assert.StartsWith("state file jobs/j/chk-3/sum-1: checksum crc64:", skipped.Reason, StringComparison.Ordinal);
        Assert.Contains(" expected crc64:", skipped.Reason, StringComparison.Ordinal);
        var warning = Assert.Single(Logger.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal($"Checkpoint 3 of job j cannot be restored: {skipped.Reason}; falling back to an older one", warning.Message);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenNewestStateFileDeleted_FallsBackSayingMissing()
    {
        await WriteCheckpointsAsync(1, 2, 3);
        Assert.True(await Storage.DeleteAsync("jobs/j/chk-3/sum-0"));

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Equal(2, result.Plan?.Metadata.CheckpointId);
        Assert.Equal([new SkippedCheckpoint(3, "state file jobs/j/chk-3/sum-0: missing")], result.Skipped);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenNewestStateFileTruncated_FallsBackSayingTheSize()
    {
        await WriteCheckpointsAsync(1, 2, 3);
        var content = (await Storage.ReadAllAsync("jobs/j/chk-3/sum-0"))!;
        await Storage.WriteAsync("jobs/j/chk-3/sum-0", content.AsMemory(0, content.Length - 1));

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Equal(2, result.Plan?.Metadata.CheckpointId);
        Assert.Equal($"state file jobs/j/chk-3/sum-0: size {content.Length - 1} bytes expected {content.Length}", Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenSharedFileCorrupt_FallsBackAndNamesTheSharedFile()
    {
        await WriteCheckpointsAsync(1, 2, 3);
        await FlipOneByteAsync("jobs/j/shared/base-3");

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Equal(2, result.Plan?.Metadata.CheckpointId);
        Assert.StartsWith("state file jobs/j/shared/base-3: checksum", Assert.Single(result.Skipped).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenNewestMetadataIsCorruptJson_FallsBackAndSaysWhy()
    {
        await WriteCheckpointsAsync(1, 2, 3);
        var metadata = (await Storage.ReadAllAsync("jobs/j/chk-3/_metadata"))!;
        await Storage.WriteAsync("jobs/j/chk-3/_metadata", metadata.AsMemory(0, metadata.Length / 2));

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Equal(2, result.Plan?.Metadata.CheckpointId);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(3, skipped.CheckpointId);
        Assert.StartsWith("_metadata: Checkpoint metadata is not valid JSON", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenEveryCheckpointIsCorrupt_ReturnsNoPlanAndThreeSkippedNewestFirst()
    {
        await WriteCheckpointsAsync(1, 2, 3);
        await FlipOneByteAsync("jobs/j/chk-3/sum-0");
        Assert.True(await Storage.DeleteAsync("jobs/j/chk-2/sum-1"));
        await Storage.WriteAsync("jobs/j/chk-1/_metadata", Encoding.UTF8.GetBytes("{ \"formatVersion\": 7 }"));

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Null(result.Plan);
        Assert.Equal([3L, 2L, 1L], result.Skipped.Select(s => s.CheckpointId));
        Assert.Contains("checksum", result.Skipped[0].Reason, StringComparison.Ordinal);
        Assert.EndsWith("missing", result.Skipped[1].Reason, StringComparison.Ordinal);
        Assert.Contains("format version 7", result.Skipped[2].Reason, StringComparison.Ordinal);
        Assert.Equal(3, Logger.Entries.Count(e => e.Level == LogLevel.Warning));
        Assert.Contains(Logger.Entries, e => e.Level == LogLevel.Error && e.Message.Contains("job j", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenJobHasNoCheckpoint_ReturnsNoPlanAndNothingSkipped()
    {
        await Storage.WriteAsync(StoragePaths.JobFile(JobId), Encoding.UTF8.GetBytes("{}"));

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Null(result.Plan);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenFolderNamesAreNotCheckpointIds_IgnoresThemAndOrdersNumerically()
    {
        await WriteCheckpointsAsync(9, 10);
        await Storage.WriteAsync("jobs/j/chk-abc/_metadata", Encoding.UTF8.GetBytes("garbage"));
        await Storage.WriteAsync("jobs/j/chk-011/_metadata", Encoding.UTF8.GetBytes("garbage"));
        await Storage.WriteAsync("jobs/j/other/_metadata", Encoding.UTF8.GetBytes("garbage"));
        await Storage.WriteAsync("jobs/j2/chk-99/_metadata", Encoding.UTF8.GetBytes("garbage")); // another job sharing the prefix "jobs/j"

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Equal(10, result.Plan?.Metadata.CheckpointId);
        Assert.Empty(result.Skipped);
    }

    [Fact]
    public async Task FindLatestRestorableAsync_WhenMetadataDescribesAnotherCheckpoint_SkipsIt()
    {
        await WriteCheckpointsAsync(1, 2);
        await Storage.WriteAsync("jobs/j/chk-5/_metadata", (await Storage.ReadAllAsync("jobs/j/chk-2/_metadata"))!);

        var result = await Store.FindLatestRestorableAsync(JobId, CancellationToken.None);

        Assert.Equal(2, result.Plan?.Metadata.CheckpointId);
        Assert.Equal("jobs/j/chk-2", result.Plan?.MetadataFolder);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(5, skipped.CheckpointId);
        Assert.Contains("describes checkpoint 2 of job j, not checkpoint 5", skipped.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAndVerifyAsync_WhenSavepointFolderCopiedToAnotherPrefix_ReadsAndVerifiesAtTheNewPlace()
    {
        var written = await WriteSnapshotAsync("savepoints/sp1", checkpointId: 7, SnapshotKind.Savepoint, withSharedFile: false);
        foreach (var path in await Storage.ListAsync("savepoints/sp1"))
        {
            await Storage.WriteAsync("archive/2025/sp1-copy" + path["savepoints/sp1".Length..], (await Storage.ReadAllAsync(path))!);
            await Storage.DeleteAsync(path);
        }

        var read = await Store.ReadAndVerifyAsync("archive/2025/sp1-copy", cancellationToken: CancellationToken.None);

        Assert.Equivalent(written, read, strict: true);
        Assert.Equal(SnapshotKind.Savepoint, read.Kind);
        var state = read.Operators.Single(o => o.Uid == "sum").States[0];
        var content = await Storage.ReadAllAsync(CheckpointMetadata.ResolvePath("archive/2025/sp1-copy", state.RelativePath));
        Assert.Equal(state.Checksum, StateFileChecksum.Compute(content));
        Assert.Empty(await Storage.ListAsync("savepoints/sp1"));
    }

    [Fact]
    public async Task ReadAndVerifyAsync_WhenSavepointStateFileCorrupt_ThrowsNamingTheFile()
    {
        await WriteSnapshotAsync("savepoints/sp1", checkpointId: 7, SnapshotKind.Savepoint, withSharedFile: false);
        await FlipOneByteAsync("savepoints/sp1/sum-1");

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadAndVerifyAsync("savepoints/sp1", cancellationToken: CancellationToken.None));

        Assert.Contains("state file savepoints/sp1/sum-1: checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAndVerifyAsync_WhenTasksVerifyAndContentCorrupt_LeavesTheContentToTheTasks()
    {
        var written = await WriteSnapshotAsync("savepoints/sp1", checkpointId: 7, SnapshotKind.Savepoint, withSharedFile: false, withSectionChecksums: true);
        await FlipOneByteAsync("savepoints/sp1/sum-1");

        var read = await Store.ReadAndVerifyAsync("savepoints/sp1", StateFileVerification.ByRestoringTasks, CancellationToken.None);
        var whole = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadAndVerifyAsync("savepoints/sp1", StateFileVerification.WholeFiles, CancellationToken.None));

        Assert.Equivalent(written, read, strict: true);
        Assert.NotNull(read.Operators.Single(o => o.Uid == "sum").States[0].SectionChecksums);
        Assert.Contains("state file savepoints/sp1/sum-1: checksum", whole.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAndVerifyAsync_WhenTasksVerifyAndFileTruncated_ThrowsNamingTheSize()
    {
        await WriteSnapshotAsync("savepoints/sp1", checkpointId: 7, SnapshotKind.Savepoint, withSharedFile: false, withSectionChecksums: true);
        var content = (await Storage.ReadAllAsync("savepoints/sp1/sum-0"))!;
        await Storage.WriteAsync("savepoints/sp1/sum-0", content.AsMemory(0, content.Length - 1));

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadAndVerifyAsync("savepoints/sp1", StateFileVerification.ByRestoringTasks, CancellationToken.None));

        Assert.Contains($"state file savepoints/sp1/sum-0: size {content.Length - 1} bytes expected {content.Length}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAndVerifyAsync_WhenTasksVerifyButFileHasNoSectionChecksums_ReadsItWhole()
    {
        await WriteSnapshotAsync("savepoints/sp1", checkpointId: 7, SnapshotKind.Savepoint, withSharedFile: false, withSectionChecksums: false);
        await FlipOneByteAsync("savepoints/sp1/sum-1");

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadAndVerifyAsync("savepoints/sp1", StateFileVerification.ByRestoringTasks, CancellationToken.None));

        Assert.Contains("state file savepoints/sp1/sum-1: checksum", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAndVerifyAsync_WhenFolderHasNoMetadata_ThrowsSayingMissing()
    {
        var e = await Assert.ThrowsAsync<InvalidDataException>(() => Store.ReadAndVerifyAsync("savepoints/none", cancellationToken: CancellationToken.None));

        Assert.Contains("_metadata: missing", e.Message, StringComparison.Ordinal);
    }

    private async Task WriteCheckpointsAsync(params long[] ids)
    {
        foreach (var id in ids) await WriteSnapshotAsync(StoragePaths.Checkpoint(JobId, id), id, SnapshotKind.Checkpoint, withSharedFile: true);
    }

    /// <summary>
    /// A job with a source (offset only) and a keyed "sum" at parallelism 2, whose subtask 0 also references a shared
    /// file: real random state files with correct checksums and key-group indexes, then <c>_metadata</c>.
    /// </summary>
    private async Task<CheckpointMetadata> WriteSnapshotAsync(string folder, long checkpointId, SnapshotKind kind, bool withSharedFile, bool withSectionChecksums = false)
    {
        var random = new Random((int)checkpointId);
        var acks = new List<TaskCheckpointAck> { NewAck(0, 0, checkpointId, [], new Dictionary<string, long> { ["source"] = checkpointId * 100 }) };
        for (var subtask = 0; subtask < 2; subtask++)
        {
            var range = new KeyGroupRange(subtask * 64, subtask * 64 + 63);
            var handles = new List<StateHandle> { await WriteStateFileAsync($"{folder}/sum-{subtask}", "sum", range, random, withSectionChecksums) };
            if (withSharedFile && subtask == 0)
                handles.Add(await WriteStateFileAsync(StoragePaths.Shared(JobId, $"base-{checkpointId}"), "sum", range, random));
            acks.Add(NewAck(1, subtask, checkpointId, handles, new Dictionary<string, long>()));
        }
        var metadata = CheckpointMetadata.FromAcks(JobId, "test job", checkpointId, MaxParallelism, kind,
            MetadataSamples.Trigger, MetadataSamples.Trigger.AddSeconds(2), acks, folder);
        await Store.WriteMetadataAsync(metadata, folder, CancellationToken.None);
        return metadata;
    }

    private async Task WriteStateFilesAsync(long checkpointId)
    {
        var random = new Random((int)checkpointId);
        for (var subtask = 0; subtask < 2; subtask++)
            await WriteStateFileAsync(StoragePaths.StateFile(JobId, checkpointId, "sum", subtask), "sum", new KeyGroupRange(subtask * 64, subtask * 64 + 63), random);
    }

    private async Task<StateHandle> WriteStateFileAsync(string path, string uid, KeyGroupRange range, Random random, bool withSectionChecksums = false)
    {
        var lengths = range.KeyGroups().Select(_ => (long)random.Next(0, 200)).ToArray();
        var offsets = new long[lengths.Length];
        for (var i = 1; i < lengths.Length; i++) offsets[i] = offsets[i - 1] + lengths[i - 1];
        var content = new byte[lengths.Sum() + 1];
        random.NextBytes(content);
        await Storage.WriteAsync(path, content);
        return new StateHandle
        {
            OperatorUid = uid,
            Path = path,
            KeyGroups = range,
            KeyGroupOffsets = offsets,
            KeyGroupLengths = lengths,
            Size = content.Length,
            Checksum = StateFileChecksum.Compute(content),
            SectionChecksums = withSectionChecksums ? new StateFileSectionChecksums(7, lengths.Select(l => (ulong)l).ToArray()) : null,
        };
    }

    private static TaskCheckpointAck NewAck(int vertex, int subtask, long checkpointId, IReadOnlyList<StateHandle> state, IReadOnlyDictionary<string, long> offsets) => new()
    {
        Task = new TaskId(JobId, vertex, subtask),
        CheckpointId = checkpointId,
        State = state,
        SourceOffsets = offsets.ToDictionary(o => o.Key, o => (IReadOnlyDictionary<int, long>)new Dictionary<int, long> { [subtask] = o.Value }),
    };

    private async Task FlipOneByteAsync(string path)
    {
        var content = (await Storage.ReadAllAsync(path))!;
        content[content.Length / 2] ^= 0x40;
        await Storage.WriteAsync(path, content);
    }
}
