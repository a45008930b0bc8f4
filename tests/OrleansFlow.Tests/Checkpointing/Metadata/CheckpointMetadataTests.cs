using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Checkpointing.Metadata;

public sealed class CheckpointMetadataTests
{
    private static readonly DateTimeOffset Trigger = MetadataSamples.Trigger;

    [Fact]
    public void FromAcks_WhenHandlesInsideTheFolder_RecordsPathsRelativeToIt()
    {
        var acks = new[] { Ack(1, 0, Handle("sum", "jobs/j/chk-3/sum-0", 0, 63)), Ack(1, 1, Handle("sum", "jobs/j/chk-3/sum-1", 64, 127)) };

        var metadata = FromAcks(acks, "jobs/j/chk-3");

        var op = Assert.Single(metadata.Operators);
        Assert.Equal("sum", op.Uid);
        Assert.Equal(2, op.Parallelism);
        Assert.Equal(["sum-0", "sum-1"], op.States.Select(s => s.RelativePath));
        Assert.Equal([0, 1], op.States.Select(s => s.Subtask));
        Assert.Equal(new KeyGroupRange(64, 127), op.States[1].KeyGroups);
        Assert.Equal(("j", 3L, 128, SnapshotKind.Checkpoint, 3), (metadata.JobId, metadata.CheckpointId, metadata.MaxParallelism, metadata.Kind, metadata.FormatVersion));
    }

    [Fact]
    public void FromAcks_WhenHandleInTheSharedFolder_RecordsDotDotPath()
    {
        var acks = new[] { Ack(1, 0, Handle("sum", "jobs/j/shared/x", 0, 127)) };

        var metadata = FromAcks(acks, "jobs/j/chk-3");

        Assert.Equal("../shared/x", metadata.Operators[0].States[0].RelativePath);
        Assert.Equal("jobs/j/shared/x", CheckpointMetadata.ResolvePath("jobs/j/chk-3", "../shared/x"));
    }

    [Fact]
    public void FromAcks_WhenSourcesAndChainedOperators_ListsEveryOperatorWithItsVertexParallelismAndTheOffsets()
    {
        var acks = new[]
        {
            Ack(0, 0, sourceOffset: 10),
            Ack(0, 1, sourceOffset: 20),
            Ack(1, 2, Handle("sum", "jobs/j/chk-3/sum-2", 86, 127)),
            Ack(1, 0, Handle("sum", "jobs/j/chk-3/sum-0", 0, 42)),
            Ack(1, 1), // a subtask with no state still counts for the parallelism
        };

        var metadata = FromAcks(acks, "jobs/j/chk-3");

        Assert.Equal(["source", "sum"], metadata.Operators.Select(o => o.Uid));
        Assert.Equal([2, 3], metadata.Operators.Select(o => o.Parallelism));
        Assert.Empty(metadata.Operators[0].States);
        Assert.Equal([0, 2], metadata.Operators[1].States.Select(s => s.Subtask));
        Assert.Equal([new SourceOffsetMetadata("source", 0, 10), new SourceOffsetMetadata("source", 1, 20)], metadata.SourceOffsets);
    }

    [Fact]
    public void FromAcks_WhenSavepointFileOutsideItsFolder_ThrowsBecauseSavepointsAreSelfContained()
    {
        var acks = new[] { Ack(1, 0, Handle("sum", "jobs/j/shared/x", 0, 127)) };

        var e = Assert.Throws<ArgumentException>(() => FromAcks(acks, "savepoints/sp", SnapshotKind.Savepoint));

        Assert.Contains("self-contained", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAcks_WhenAckOfAnotherCheckpoint_Throws()
    {
        var acks = new[] { Ack(1, 0, Handle("sum", "jobs/j/chk-3/sum-0", 0, 127)) with { CheckpointId = 2 } };

        var e = Assert.Throws<ArgumentException>(() => FromAcks(acks, "jobs/j/chk-3"));

        Assert.Contains("acknowledged checkpoint 2, not 3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAcks_WhenHandleOffsetsDisagreeWithItsRange_Throws()
    {
        var handle = Handle("sum", "jobs/j/chk-3/sum-0", 0, 127) with { KeyGroupOffsets = [0] };

        var e = Assert.Throws<ArgumentException>(() => FromAcks([Ack(1, 0, handle)], "jobs/j/chk-3"));

        Assert.Contains("1 key-group offsets", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jobs/j/chk-3", "sum-0", "jobs/j/chk-3/sum-0")]
    [InlineData("jobs/j/chk-3", "../shared/x", "jobs/j/shared/x")]
    [InlineData("jobs/j/chk-3", "./sub/../sum-1", "jobs/j/chk-3/sum-1")]
    [InlineData("jobs/j/chk-3", "../../../top", "top")]
    [InlineData("relocated/sp", "sum-0", "relocated/sp/sum-0")]
    [InlineData("", "a/b", "a/b")]
    public void ResolvePath_WhenPathStaysInsideTheRoot_NormalisesIt(string folder, string relative, string expected)
    {
        Assert.Equal(expected, CheckpointMetadata.ResolvePath(folder, relative));
    }

    [Theory]
    [InlineData("jobs/j/chk-3", "../../../../x")]
    [InlineData("jobs/j/chk-3", "../../../..")]
    [InlineData("", "../x")]
    public void ResolvePath_WhenPathEscapesTheStorageRoot_ThrowsInvalidData(string folder, string relative)
    {
        var e = Assert.Throws<InvalidDataException>(() => CheckpointMetadata.ResolvePath(folder, relative));

        Assert.Contains("escapes the storage root", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("../.staging/x")]
    [InlineData("a\\b")]
    public void ResolvePath_WhenPathIsNotAValidRelativeStoragePath_ThrowsInvalidData(string relative)
    {
        Assert.Throws<InvalidDataException>(() => CheckpointMetadata.ResolvePath("jobs/j/chk-3", relative));
    }

    [Theory]
    [InlineData("jobs/j/chk-3", "jobs/j/chk-3/sum-0", "sum-0")]
    [InlineData("jobs/j/chk-3", "jobs/j/shared/x", "../shared/x")]
    [InlineData("jobs/j/chk-3", "jobs/k/chk-1/a", "../../k/chk-1/a")]
    [InlineData("jobs/j/chk-3", "jobs/j/chk-30/a", "../chk-30/a")]
    [InlineData("savepoints/sp", "savepoints/sp/op/sum-0", "op/sum-0")]
    public void RelativePath_WhenResolvedAgain_GivesTheOriginalPath(string folder, string path, string expected)
    {
        var relative = CheckpointMetadata.RelativePath(folder, path);

        Assert.Equal(expected, relative);
        Assert.Equal(path, CheckpointMetadata.ResolvePath(folder, relative));
    }

    private static CheckpointMetadata FromAcks(IReadOnlyList<TaskCheckpointAck> acks, string folder, SnapshotKind kind = SnapshotKind.Checkpoint) =>
        CheckpointMetadata.FromAcks("j", "job", 3, 128, kind, Trigger, Trigger.AddSeconds(1), acks, folder);

    [Fact]
    public void FromAcks_WhenTasksWroteOperatorState_ListsItsFilesBySubtaskAndSurvivesTheJsonRoundTrip()
    {
        OperatorStateHandle OpState(int subtask) => new()
        {
            OperatorUid = "buffer", Path = $"savepoints/s/buffer-{subtask}.op", Size = 100, Checksum = "crc64:00000000000000ff",
            States = [new OperatorStateEntryInfo { Name = "l", Mode = OrleansFlow.State.OperatorStateMode.Union, ValueTypeName = "System.Int64", Count = 2 + subtask, Offset = 40, Length = 60 }],
        };
        var acks = new[] { Ack(2, 1) with { OperatorState = [OpState(1)] }, Ack(2, 0) with { OperatorState = [OpState(0)] } };

        var metadata = CheckpointMetadata.FromAcks("j", "job", 3, 128, SnapshotKind.Savepoint, Trigger, Trigger, acks, "savepoints/s");
        var read = CheckpointMetadataSerializer.Deserialize(CheckpointMetadataSerializer.Serialize(metadata));

        var op = Assert.Single(read.Operators);
        Assert.Equal(("buffer", 2), (op.Uid, op.Parallelism));
        Assert.Equal(["0:buffer-0.op:l:Union:2", "1:buffer-1.op:l:Union:3"], op.OperatorStates.Select(f => $"{f.Subtask}:{f.RelativePath}:{f.States[0].Name}:{f.States[0].Mode}:{f.States[0].Count}"));
    }

    [Fact]
    public void FindProblems_WhenAnOperatorStateLiesOutsideItsFileOrChangesMode_NamesBoth()
    {
        OperatorStateFileMetadata File(int subtask, OrleansFlow.State.OperatorStateMode mode, long offset) => new()
        {
            RelativePath = $"op-{subtask}.op", Subtask = subtask, Size = 50, Checksum = "crc64:0000000000000000",
            States = [new OperatorStateEntryInfo { Name = "l", Mode = mode, ValueTypeName = "System.Int64", Count = 1, Offset = offset, Length = 10 }],
        };
        var metadata = MetadataSamples.Sample() with
        {
            Operators = [new OperatorStateMetadata
            {
                Uid = "op", Parallelism = 2, States = [],
                OperatorStates = [File(0, OrleansFlow.State.OperatorStateMode.SplitDistribute, 45), File(1, OrleansFlow.State.OperatorStateMode.Union, 0)],
            }],
        };

        var problems = metadata.FindProblems();

        Assert.Contains(problems, p => p.Contains("lies outside the file's 50 bytes", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("is SplitDistribute in one file and Union in another", StringComparison.Ordinal));
    }

    private static TaskCheckpointAck Ack(int vertex, int subtask, StateHandle? handle = null, long? sourceOffset = null) => new()
    {
        Task = new TaskId("j", vertex, subtask),
        CheckpointId = 3,
        State = handle is null ? [] : [handle],
        SourceOffsets = sourceOffset is null
            ? new Dictionary<string, IReadOnlyDictionary<int, long>>()
            : new Dictionary<string, IReadOnlyDictionary<int, long>> { ["source"] = new Dictionary<int, long> { [subtask] = sourceOffset.Value } }, // split = subtask here
    };

    private static StateHandle Handle(string uid, string path, int start, int end)
    {
        var range = new KeyGroupRange(start, end);
        return new StateHandle
        {
            OperatorUid = uid,
            Path = path,
            KeyGroups = range,
            KeyGroupOffsets = range.KeyGroups().Select(kg => (long)(kg - start) * 4).ToArray(),
            KeyGroupLengths = range.KeyGroups().Select(_ => 4L).ToArray(),
            Size = range.NumberOfKeyGroups * 4L,
            Checksum = "crc64:0123456789abcdef",
        };
    }
}
