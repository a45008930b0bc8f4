using OrleansFlow.KeyGroups;
using OrleansFlow.Savepoints;
using OrleansFlow.State;
using OrleansFlow.Tests.State;
using static OrleansFlow.Tests.Savepoints.SavepointTestStates;

namespace OrleansFlow.Tests.Savepoints;

public sealed class SnapshotKeyGroupReaderTests
{
    private const long Key = 42;
    private readonly byte[] _bytes;
    private readonly KeyedStateSnapshotInfo _info;

    public SnapshotKeyGroupReaderTests() =>
        _bytes = StateTestSupport.SnapshotBytes(Filled(new KeyGroupRange(0, MaxParallelism - 1)), new KeyGroupRange(0, MaxParallelism - 1), out _info);

    private long DataStart => _info.Offsets[0];

    private long IndexOffset => _bytes.Length - KeyedStateSnapshotFormat.FooterSize - MaxParallelism * KeyedStateSnapshotFormat.IndexEntrySize;

    [Fact]
    public void ReadKeyGroup_WhenOneKeyGroupWanted_ReadsOnlyTheHeaderItsIndexEntryAndItsSection()
    {
        var keyGroup = KeyGroupAssignment.AssignToKeyGroup(Key, MaxParallelism);
        var stream = new ReadRecordingStream(_bytes);

        var (state, chunks) = SnapshotKeyGroupReader.ReadKeyGroup(stream, MaxParallelism, keyGroup, "count");

        Assert.Equal(new SnapshotStateMetadata("count", StateKind.Value, "System.Int64", "System.Int64"), state);
        Assert.All(chunks, c => Assert.Equal(keyGroup, c.KeyGroup));
        (long Start, long End)[] allowed =
        [
            (0, DataStart), // header and state table
            (_info.Offsets[keyGroup], _info.Offsets[keyGroup] + _info.Lengths[keyGroup]), // the section
            (IndexOffset + keyGroup * KeyedStateSnapshotFormat.IndexEntrySize, IndexOffset + (keyGroup + 1) * KeyedStateSnapshotFormat.IndexEntrySize),
            (_bytes.Length - KeyedStateSnapshotFormat.FooterSize, _bytes.Length),
        ];
        Assert.All(stream.Reads, r => Assert.Contains(allowed, a => r.Offset >= a.Start && r.Offset + r.Count <= a.End));
        Assert.Contains(stream.Reads, r => r.Offset == _info.Offsets[keyGroup] && r.Count == _info.Lengths[keyGroup]);
        Assert.True(stream.BytesRead <= allowed.Sum(a => a.End - a.Start), $"read {stream.BytesRead} bytes");
        Assert.True(stream.BytesRead < _bytes.Length / 20, $"read {stream.BytesRead} of {_bytes.Length} bytes");
        Assert.True(StateEntryDecoder.TryFindValue(StateTestSupport.Serializer, typeof(long), typeof(long), chunks, "count", Key, out var value));
        Assert.Equal(Key * 10, value);
    }

    [Fact]
    public void ReadStateTable_WhenCalled_ListsEveryStateWithoutReadingAnySection()
    {
        var stream = new ReadRecordingStream(_bytes);

        var states = SnapshotKeyGroupReader.ReadStateTable(stream, MaxParallelism);

        Assert.Equal(["count", "events", "max", "mean", "pairs", "totals"], states.Select(s => s.Name));
        Assert.Contains(new SnapshotStateMetadata("events", StateKind.List, "System.Int64", "System.Collections.Generic.List<System.String>"), states);
        Assert.Contains(new SnapshotStateMetadata("mean", StateKind.Aggregating, "System.Int64", "System.ValueTuple<System.Int64, System.Int64>"), states);
        Assert.All(stream.Reads, r => Assert.True(r.Offset + r.Count <= DataStart || r.Offset >= IndexOffset, $"read [{r.Offset}, +{r.Count})"));
    }

    [Fact]
    public void ReadKeyGroup_WhenStateNotInTheSnapshot_ReturnsNoStateAndNoChunks()
    {
        var (state, chunks) = SnapshotKeyGroupReader.ReadKeyGroup(new MemoryStream(_bytes), MaxParallelism, 3, "nope");

        Assert.Null(state);
        Assert.Empty(chunks);
    }

    [Fact]
    public void ReadKeyGroup_WhenFileTruncated_ThrowsInvalidDataException()
    {
        var truncated = _bytes.AsSpan(0, _bytes.Length - 10).ToArray();

        var error = Assert.Throws<InvalidDataException>(() => SnapshotKeyGroupReader.ReadKeyGroup(new MemoryStream(truncated), MaxParallelism, 3, "count"));

        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ReadStateTable_WhenMaxParallelismDiffers_ThrowsNamingBoth()
    {
        var error = Assert.Throws<InvalidDataException>(() => SnapshotKeyGroupReader.ReadStateTable(new MemoryStream(_bytes), 256));

        Assert.Contains("128", error.Message);
        Assert.Contains("256", error.Message);
    }
}
