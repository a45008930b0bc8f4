using Microsoft.Extensions.Logging.Abstractions;
using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using OrleansFlow.Storage;
using OrleansFlow.Tasks;
using OrleansFlow.Tests.State;
using static OrleansFlow.Tests.Savepoints.SavepointTestStates;

namespace OrleansFlow.Tests.Savepoints;

/// <summary>
/// Savepoints written into a storage as a job would write them: real snapshot files (every state kind of
/// <see cref="SavepointTestStates"/>, one file per subtask of operator <see cref="OperatorUid"/>), a source with offsets,
/// and a <c>_metadata</c> built by <see cref="CheckpointMetadata.FromAcks"/> and written by the completed-checkpoint store.
/// </summary>
internal static class SavepointSamples
{
    public const string OperatorUid = "stats";
    public const string SourceUid = "source";
    public const string JobId = "0123456789abcdef0123456789abcdef";
    public const long CheckpointId = 7;
    public static readonly DateTimeOffset Trigger = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The source subtask s resumes from offset 100 + s.</summary>
    public static long SourceOffset(int subtask) => 100 + subtask;

    public static async Task<CheckpointMetadata> WriteAsync(ICheckpointStorage storage, string name, int parallelism = 2)
    {
        var folder = StoragePaths.Savepoint(name);
        var acks = new List<TaskCheckpointAck>();
        for (var subtask = 0; subtask < parallelism; subtask++)
        {
            var range = KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(MaxParallelism, parallelism, subtask);
            var bytes = StateTestSupport.SnapshotBytes(Filled(range), range, out var info);
            acks.Add(await WriteStateFileAsync(storage, folder, subtask, range, bytes, info));
            acks.Add(new TaskCheckpointAck
            {
                Task = new TaskId(JobId, 0, subtask), CheckpointId = CheckpointId, SourceOffsets = new Dictionary<string, IReadOnlyDictionary<int, long>> { [SourceUid] = new Dictionary<int, long> { [subtask] = SourceOffset(subtask) } },
            });
        }
        return await WriteMetadataAsync(storage, folder, acks, SnapshotKind.Savepoint);
    }

    /// <summary>A one-subtask savepoint whose state <c>ghost</c> (key System.Int64) has a value type no assembly defines.</summary>
    public static async Task WriteWithUnknownValueTypeAsync(ICheckpointStorage storage, string name, string valueTypeName)
    {
        var range = new KeyGroupRange(0, MaxParallelism - 1);
        using var output = new MemoryStream();
        var writer = new KeyedStateSnapshotWriter(output);
        writer.WriteHeader(MaxParallelism, range, [new SnapshotStateMetadata("ghost", StateKind.Value, "System.Int64", valueTypeName)]);
        foreach (var keyGroup in range.KeyGroups())
        {
            writer.BeginKeyGroup(keyGroup);
            writer.EndKeyGroup();
        }
        var info = await writer.FinishAsync(CancellationToken.None);
        var folder = StoragePaths.Savepoint(name);
        await WriteMetadataAsync(storage, folder, [await WriteStateFileAsync(storage, folder, 0, range, output.ToArray(), info)], SnapshotKind.Savepoint);
    }

    /// <summary>The uid of the operator of <see cref="WriteWithOperatorStateAsync"/>.</summary>
    public const string BufferUid = "buffer";

    /// <summary>
    /// A two-subtask savepoint of operator <see cref="BufferUid"/> with operator state only: list state <c>list</c>
    /// (subtask s holds 10s and 10s + 1) and broadcast state <c>rules</c> (a → 1, written by subtask 0). With
    /// <paramref name="claimedSize"/>, the metadata claims that size for each file.
    /// </summary>
    public static async Task<CheckpointMetadata> WriteWithOperatorStateAsync(ICheckpointStorage storage, string name, long? claimedSize = null)
    {
        var folder = StoragePaths.Savepoint(name);
        var acks = new List<TaskCheckpointAck>();
        for (var subtask = 0; subtask < 2; subtask++)
        {
            var backend = new OperatorStateBackend(StateTestSupport.Serializer, BufferUid);
            backend.GetListState(new ListStateDescriptor<long>("list")).AddAll([subtask * 10, subtask * 10 + 1]);
            backend.GetBroadcastState(new MapStateDescriptor<string, long>("rules")).Put("a", 1);
            var (bytes, states) = backend.Snapshot(includeBroadcast: subtask == 0)!.Value;
            var path = StoragePaths.OperatorStateFile(folder, BufferUid, subtask);
            await storage.WriteAsync(path, bytes);
            acks.Add(new TaskCheckpointAck
            {
                Task = new TaskId(JobId, 2, subtask), CheckpointId = CheckpointId,
                OperatorState = [new OperatorStateHandle { OperatorUid = BufferUid, Path = path, Size = claimedSize ?? bytes.Length, Checksum = StateFileChecksum.Compute(bytes), States = states }],
            });
        }
        return await WriteMetadataAsync(storage, folder, acks, SnapshotKind.Savepoint);
    }

    /// <summary>Writes <c>_metadata</c> for <paramref name="acks"/> into <paramref name="folder"/>.</summary>
    public static async Task<CheckpointMetadata> WriteMetadataAsync(ICheckpointStorage storage, string folder, IReadOnlyList<TaskCheckpointAck> acks, SnapshotKind kind)
    {
        var metadata = CheckpointMetadata.FromAcks(JobId, "sample", CheckpointId, MaxParallelism, kind, Trigger, Trigger.AddMilliseconds(250), acks, folder);
        await new CompletedCheckpointStore(storage, NullLogger<CompletedCheckpointStore>.Instance).WriteMetadataAsync(metadata, folder);
        return metadata;
    }

    private static async Task<TaskCheckpointAck> WriteStateFileAsync(
        ICheckpointStorage storage, string folder, int subtask, KeyGroupRange range, byte[] bytes, KeyedStateSnapshotInfo info)
    {
        var path = $"{folder}/{OperatorUid}-{subtask}";
        await storage.WriteAsync(path, bytes);
        var handle = new StateHandle
        {
            OperatorUid = OperatorUid, Path = path, KeyGroups = range, KeyGroupOffsets = info.Offsets, KeyGroupLengths = info.Lengths,
            Size = bytes.Length, Checksum = StateFileChecksum.Compute(bytes), SectionChecksums = info.SectionChecksums,
        };
        return new TaskCheckpointAck { Task = new TaskId(JobId, 1, subtask), CheckpointId = CheckpointId, State = [handle] };
    }
}
