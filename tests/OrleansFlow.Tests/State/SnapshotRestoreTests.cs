using System.Buffers.Binary;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.State;

public sealed class SnapshotRestoreTests
{
    private const int MaxParallelism = 128;
    private const int KeyCount = 1000;

    private static readonly ValueStateDescriptor<long> CountDescriptor = new("count", -1);
    private static readonly ListStateDescriptor<string> EventsDescriptor = new("events");
    private static readonly MapStateDescriptor<string, long> TotalsDescriptor = new("totals");
    private static readonly ReducingStateDescriptor<long> MaxDescriptor = new("max", Math.Max);
    private static readonly AggregatingStateDescriptor<long, (long Sum, long Count), double> MeanDescriptor = new("mean", new AverageAggregate());

    /// <summary>A backend over <paramref name="start"/>..<paramref name="end"/> holding every key of [0, 1000) in that range, in all five states.</summary>
    private static HeapKeyedStateBackend<long> FilledBackend(int start = 0, int end = MaxParallelism - 1)
    {
        var backend = CreateBackend<long>(start, end, MaxParallelism);
        var count = backend.GetState(CountDescriptor);
        var events = backend.GetListState(EventsDescriptor);
        var totals = backend.GetMapState(TotalsDescriptor);
        var max = backend.GetReducingState(MaxDescriptor);
        var mean = backend.GetAggregatingState(MeanDescriptor);
        for (var key = 0L; key < KeyCount; key++)
        {
            var keyGroup = KeyGroupOf(key, MaxParallelism);
            if (keyGroup < start || keyGroup > end) continue;
            backend.SetCurrentKey(key, keyGroup);
            count.Update(key * 10);
            events.AddAll([$"a{key}", $"b{key}"]);
            totals.Put("x", key);
            totals.Put("y", key + 1);
            max.Add(key);
            max.Add(key - 5);
            mean.Add(key);
            mean.Add(key + 2);
        }
        return backend;
    }

    private static void AssertHoldsExactly(HeapKeyedStateBackend<long> backend, IEnumerable<long> expectedKeys)
    {
        var expected = expectedKeys.Order().ToList();
        var count = backend.GetState(CountDescriptor);
        var events = backend.GetListState(EventsDescriptor);
        var totals = backend.GetMapState(TotalsDescriptor);
        var max = backend.GetReducingState(MaxDescriptor);
        var mean = backend.GetAggregatingState(MeanDescriptor);
        foreach (var name in new[] { "count", "events", "totals", "max", "mean" }) Assert.Equal(expected, KeysOf(backend, name));
        foreach (var key in expected)
        {
            backend.Select(key);
            Assert.Equal(key * 10, count.Value);
            Assert.Equal([$"a{key}", $"b{key}"], events.Get());
            Assert.Equal(new Dictionary<string, long> { ["x"] = key, ["y"] = key + 1 }, totals.Entries().ToDictionary());
            Assert.True(max.TryGet(out var maxValue));
            Assert.Equal(key, maxValue);
            Assert.True(mean.TryGet(out var meanValue));
            Assert.Equal(key + 1.0, meanValue);
        }
    }

    private static IEnumerable<long> KeysIn(int start, int end) =>
        Enumerable.Range(0, KeyCount).Select(k => (long)k).Where(k => KeyGroupOf(k, MaxParallelism) is var kg && kg >= start && kg <= end);

    [Fact]
    public void Restore_WhenSubsetOfKeyGroups_RestoresExactlyThoseKeys()
    {
        var bytes = SnapshotBytes(FilledBackend(), new KeyGroupRange(0, 127), out _);
        var restored = CreateBackend<long>(0, 42, MaxParallelism);

        restored.Restore(new MemoryStream(bytes), new KeyGroupRange(0, 127));

        var expected = KeysIn(0, 42).ToList();
        Assert.InRange(expected.Count, 200, 500);
        AssertHoldsExactly(restored, expected);
    }

    [Fact]
    public void Restore_WhenRangeNarrowerThanBackend_RestoresOnlyThatRange()
    {
        var bytes = SnapshotBytes(FilledBackend());
        var restored = CreateBackend<long>(0, 127, MaxParallelism);

        restored.Restore(new MemoryStream(bytes), new KeyGroupRange(10, 20));

        AssertHoldsExactly(restored, KeysIn(10, 20));
    }

    [Fact]
    public void Restore_WhenUnionOfTwoSnapshots_RestoresEveryKey()
    {
        var left = SnapshotBytes(FilledBackend(0, 63));
        var right = SnapshotBytes(FilledBackend(64, 127));
        var restored = CreateBackend<long>(0, 127, MaxParallelism);

        restored.Restore(new MemoryStream(left), restored.KeyGroupRange);
        restored.Restore(new MemoryStream(right), restored.KeyGroupRange);

        AssertHoldsExactly(restored, Enumerable.Range(0, KeyCount).Select(k => (long)k));
    }

    [Fact]
    public void Restore_WhenHandlesAlreadyExist_FillsThem()
    {
        var bytes = SnapshotBytes(FilledBackend());
        var restored = CreateBackend<long>(0, 127, MaxParallelism);
        var count = restored.GetState(CountDescriptor);
        var events = restored.GetListState(EventsDescriptor);

        restored.Restore(new MemoryStream(bytes), restored.KeyGroupRange);

        restored.Select(7L);
        Assert.Equal(70, count.Value);
        Assert.Equal(["a7", "b7"], events.Get());
        AssertHoldsExactly(restored, Enumerable.Range(0, KeyCount).Select(k => (long)k));
    }

    [Fact]
    public void Restore_WhenHandlesCreatedAfterwards_DeserializesOnFirstUse()
    {
        var bytes = SnapshotBytes(FilledBackend());
        var restored = CreateBackend<long>(0, 127, MaxParallelism);

        restored.Restore(new MemoryStream(bytes), restored.KeyGroupRange);

        Assert.Equal(KeyCount, KeysOf(restored, "count").Count);
        AssertHoldsExactly(restored, Enumerable.Range(0, KeyCount).Select(k => (long)k));
    }

    [Fact]
    public void Snapshot_WhenRestoredStateWasNeverRequested_WritesItBackUnchanged()
    {
        var first = SnapshotBytes(FilledBackend());
        var middle = CreateBackend<long>(0, 127, MaxParallelism);
        middle.Restore(new MemoryStream(first), middle.KeyGroupRange);
        middle.GetState(CountDescriptor);

        var second = SnapshotBytes(middle, new KeyGroupRange(0, 63), out _);
        var last = CreateBackend<long>(0, 63, MaxParallelism);
        last.Restore(new MemoryStream(second), last.KeyGroupRange);

        AssertHoldsExactly(last, KeysIn(0, 63));
    }

    [Fact]
    public void Snapshot_WhenRangeWiderThanBackend_WritesTheIntersection()
    {
        var backend = FilledBackend(0, 63);

        SnapshotBytes(backend, new KeyGroupRange(32, 127), out var info);

        Assert.Equal(new KeyGroupRange(32, 63), info.KeyGroupRange);
        Assert.Equal(32, info.Offsets.Length);
        Assert.Equal(32, info.Lengths.Length);
    }

    [Fact]
    public void Snapshot_WhenStreamDoesNotStartAtZero_OffsetsAreRelativeToItsStart()
    {
        var backend = FilledBackend();
        using var stream = new MemoryStream();
        stream.Write(new byte[100]);

        var info = backend.Snapshot(backend.KeyGroupRange, stream);

        Assert.Equal(stream.Length - 100, info.TotalBytes);
        var bytes = stream.ToArray();
        Assert.True("OFKS"u8.SequenceEqual(bytes.AsSpan(100, 4)));
        for (var i = 1; i < info.Offsets.Length; i++) Assert.Equal(info.Offsets[i - 1] + info.Lengths[i - 1], info.Offsets[i]);
        var restored = CreateBackend<long>(0, 127, MaxParallelism);
        stream.Position = 100;
        restored.Restore(stream, restored.KeyGroupRange);
        AssertHoldsExactly(restored, Enumerable.Range(0, KeyCount).Select(k => (long)k));
    }

    [Fact]
    public void Snapshot_WhenBackendEmpty_RestoresNothing()
    {
        var bytes = SnapshotBytes(CreateBackend<long>(0, 127, MaxParallelism));
        var restored = CreateBackend<long>(0, 127, MaxParallelism);

        restored.Restore(new MemoryStream(bytes), restored.KeyGroupRange);

        Assert.Empty(KeysOf(restored, "count"));
    }

    [Fact]
    public void Restore_WhenSingleKeyGroup_ReadsOnlyItsSection()
    {
        var bytes = SnapshotBytes(FilledBackend(), new KeyGroupRange(0, 127), out var info);
        var keyGroup = KeyGroupOf(5L, MaxParallelism);
        var stream = new ReadRecordingStream(bytes);
        var restored = CreateBackend<long>(keyGroup, keyGroup, MaxParallelism);

        restored.Restore(stream, new KeyGroupRange(0, 127));

        Assert.True(stream.BytesRead * 10 < bytes.Length, $"read {stream.BytesRead} of {bytes.Length} bytes");
        var firstSection = info.Offsets[0];
        var indexStart = info.Offsets[^1] + info.Lengths[^1];
        var ownStart = info.Offsets[keyGroup];
        var ownEnd = ownStart + info.Lengths[keyGroup];
        foreach (var (offset, count) in stream.Reads)
        {
            var end = offset + count;
            var inHeader = end <= firstSection;
            var inOwnSection = offset >= ownStart && end <= ownEnd;
            var inIndexOrFooter = offset >= indexStart;
            Assert.True(inHeader || inOwnSection || inIndexOrFooter, $"read [{offset}, {end}) touches another key group's section");
        }
        AssertHoldsExactly(restored, KeysIn(keyGroup, keyGroup));
    }

    [Fact]
    public void Restore_WhenMagicIsCorrupt_ThrowsAndLeavesBackendUnchanged()
    {
        var bytes = SnapshotBytes(FilledBackend());
        bytes[0] = (byte)'X';

        var error = AssertRestoreFailsWithoutChange(bytes);

        Assert.Contains("magic", error.Message);
    }

    [Fact]
    public void Restore_WhenVersionIsUnknown_ThrowsAndLeavesBackendUnchanged()
    {
        var bytes = SnapshotBytes(FilledBackend());
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 99);

        var error = AssertRestoreFailsWithoutChange(bytes);

        Assert.Contains("version 99", error.Message);
    }

    [Fact]
    public void Restore_WhenMaxParallelismDiffers_ThrowsAndLeavesBackendUnchanged()
    {
        var backend = CreateBackend<long>(0, 255, 256);
        var state = backend.GetState(CountDescriptor);
        backend.SetCurrentKey(1, KeyGroupOf(1L, 256));
        state.Update(1);
        var bytes = SnapshotBytes(backend);

        var error = AssertRestoreFailsWithoutChange(bytes);

        Assert.Contains("max parallelism 256 but this job has 128", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(10)]
    [InlineData(30)]
    [InlineData(2000)]
    [InlineData(-30)]
    [InlineData(-1)]
    public void Restore_WhenStreamIsTruncated_ThrowsAndLeavesBackendUnchanged(int length)
    {
        var bytes = SnapshotBytes(FilledBackend());
        var cut = length >= 0 ? length : bytes.Length + length;

        AssertRestoreFailsWithoutChange(bytes[..cut]);
    }

    [Fact]
    public void Restore_WhenSectionIsCorrupt_ThrowsAndLeavesBackendUnchanged()
    {
        var bytes = SnapshotBytes(FilledBackend(), new KeyGroupRange(0, 127), out var info);
        // Overwrite the first record's keys length of key group 3 with a huge value.
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan((int)info.Offsets[3] + 8), int.MaxValue);

        AssertRestoreFailsWithoutChange(bytes);
    }

    [Fact]
    public void Restore_WhenStateKindDiffersFromExistingHandle_ThrowsAndLeavesBackendUnchanged()
    {
        var source = CreateBackend<long>(0, 127, MaxParallelism);
        var list = source.GetListState(new ListStateDescriptor<long>("count"));
        source.Select(1L);
        list.Add(1);
        var bytes = SnapshotBytes(source);

        var error = AssertRestoreFailsWithoutChange(bytes);

        Assert.Contains("'count'", error.Message);
    }

    [Fact]
    public void Restore_WhenValuesCannotBeReadAsExistingHandleType_ThrowsAndLeavesBackendUnchanged()
    {
        var source = CreateBackend<long>(0, 127, MaxParallelism);
        var state = source.GetState(new ValueStateDescriptor<string>("count"));
        source.Select(1L);
        state.Update("not a number");
        var bytes = SnapshotBytes(source);

        AssertRestoreFailsWithoutChange(bytes);
    }

    [Fact]
    public void GetState_WhenRestoredWithOtherKind_ThrowsInvalidOperation()
    {
        var bytes = SnapshotBytes(FilledBackend());
        var restored = CreateBackend<long>(0, 127, MaxParallelism);
        restored.Restore(new MemoryStream(bytes), restored.KeyGroupRange);

        var error = Assert.Throws<InvalidOperationException>(() => restored.GetListState(new ListStateDescriptor<long>("count")));

        Assert.Contains("'count'", error.Message);
        Assert.Equal(KeyCount, KeysOf(restored, "count").Count);
    }

    [Fact]
    public void Restore_WhenKeysAreStrings_RestoresTheSubset()
    {
        var source = CreateBackend<string>(0, 127, MaxParallelism);
        var state = source.GetState(new ValueStateDescriptor<string>("name", ""));
        var words = Enumerable.Range(0, 300).Select(i => $"user-{i}").ToList();
        foreach (var word in words)
        {
            source.Select(word);
            state.Update(word.ToUpperInvariant());
        }
        var bytes = SnapshotBytes(source);
        var restored = CreateBackend<string>(64, 127, MaxParallelism);

        restored.Restore(new MemoryStream(bytes), new KeyGroupRange(0, 127));

        var expected = words.Where(w => KeyGroupOf(w, MaxParallelism) >= 64).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        var keys = new List<string>();
        restored.ApplyToAllKeys("name", keys.Add);
        Assert.Equal(expected, keys.Order(StringComparer.Ordinal));
        var restoredState = restored.GetState(new ValueStateDescriptor<string>("name", ""));
        foreach (var word in expected)
        {
            restored.Select(word);
            Assert.Equal(word.ToUpperInvariant(), restoredState.Value);
        }
    }

    /// <summary>
    /// Restores <paramref name="bytes"/> into a backend that already has a handle with keys and a restored-but-unused
    /// state; asserts <see cref="InvalidDataException"/> and that a snapshot of the backend did not change.
    /// </summary>
    private static InvalidDataException AssertRestoreFailsWithoutChange(byte[] bytes)
    {
        var backend = CreateBackend<long>(0, 127, MaxParallelism);
        var pending = CreateBackend<long>(0, 127, MaxParallelism);
        var pendingState = pending.GetState(new ValueStateDescriptor<long>("pending"));
        pending.Select(3L);
        pendingState.Update(33);
        backend.Restore(new MemoryStream(SnapshotBytes(pending)), backend.KeyGroupRange);
        var count = backend.GetState(CountDescriptor);
        backend.Select(1L);
        count.Update(11);
        backend.Select(2L);
        count.Update(22);
        var before = SnapshotBytes(backend);

        var error = Assert.Throws<InvalidDataException>(() => backend.Restore(new MemoryStream(bytes), backend.KeyGroupRange));

        Assert.Equal(before, SnapshotBytes(backend));
        Assert.Equal([1L, 2L], KeysOf(backend, "count"));
        Assert.Equal([3L], KeysOf(backend, "pending"));
        Assert.Empty(KeysOf(backend, "events"));
        return error;
    }
}
