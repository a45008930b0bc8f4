using OrleansFlow.Checkpointing;
using OrleansFlow.KeyGroups;

namespace OrleansFlow.Tests.Checkpointing.Metadata;

/// <summary>Metadata for the tests: a two-operator job with keyed state and a source offset.</summary>
internal static class MetadataSamples
{
    public static readonly DateTimeOffset Trigger = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static CheckpointMetadata Sample() => new()
    {
        Kind = SnapshotKind.Checkpoint,
        JobId = "j",
        JobName = "word count",
        CheckpointId = 3,
        MaxParallelism = 128,
        TriggerTime = Trigger,
        CompletionTime = Trigger.AddMilliseconds(250),
        Operators =
        [
            new OperatorStateMetadata
            {
                Uid = "sum",
                Parallelism = 2,
                States =
                [
                    State("sum-0", 0, new KeyGroupRange(0, 2), [0, 10, 10], [10, 0, 5], 15, "crc64:00000000000000aa"),
                    State("sum-1", 1, new KeyGroupRange(3, 4), [0, 7], [7, 8], 15, "crc64:00000000000000bb"),
                ],
            },
            new OperatorStateMetadata { Uid = "source", Parallelism = 1, States = [] },
        ],
        SourceOffsets = [new SourceOffsetMetadata("source", 0, 4711)],
    };

    public static StateFileMetadata State(string path, int subtask, KeyGroupRange range, long[] offsets, long[] lengths, long size, string checksum) => new()
    {
        RelativePath = path,
        Subtask = subtask,
        KeyGroups = range,
        KeyGroupOffsets = offsets,
        KeyGroupLengths = lengths,
        Size = size,
        Checksum = checksum,
    };
}
