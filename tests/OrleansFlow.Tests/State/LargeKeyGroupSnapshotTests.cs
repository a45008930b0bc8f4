using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.State;

/// <summary>A key group larger than one record: written as several records, read back whole.</summary>
public sealed class LargeKeyGroupSnapshotTests
{
    private const int PayloadBytes = 4096;
    private static readonly ValueStateDescriptor<byte[]?> Payload = new("payload");

    /// <summary>Keys of key group 5 (of 128) until there are <paramref name="count"/> of them.</summary>
    private static List<long> KeysOfOneKeyGroup(int count)
    {
        var keys = new List<long>();
        for (var key = 0L; keys.Count < count; key++)
        {
            if (KeyGroupOf(key) == 5) keys.Add(key);
        }
        return keys;
    }

    private static byte[] PayloadOf(long key)
    {
        var bytes = new byte[PayloadBytes];
        new Random((int)key).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Snapshot_WhenKeyGroupIsLargerThanOneRecord_WritesSeveralRecordsThatRestoreEveryEntry()
    {
        var keys = KeysOfOneKeyGroup(1000); // 4 MB in one key group: about 16 records of 256 KB
        var backend = CreateBackend<long>(0, 127);
        var state = backend.GetState(Payload);
        foreach (var key in keys)
        {
            backend.Select(key);
            state.Update(PayloadOf(key));
        }

        var file = new MemoryStream();
        backend.Snapshot(backend.KeyGroupRange, file);

        file.Position = 0;
        var parsed = KeyedStateSnapshotReader.Read(file, 128, new KeyGroupRange(5, 5));
        var records = parsed.Chunks.Single();
        Assert.InRange(records.Count, 8, 64);
        Assert.All(records, r => Assert.Equal(5, r.KeyGroup));
        Assert.Equal(keys.Count, records.Sum(r => r.EntryCount));

        file.Position = 0;
        var restored = CreateBackend<long>(0, 127);
        restored.Restore(file, restored.KeyGroupRange);
        var restoredState = restored.GetState(Payload);
        foreach (var key in keys)
        {
            restored.Select(key);
            Assert.Equal(PayloadOf(key), restoredState.Value);
        }
    }

    [Fact]
    public void Snapshot_WhenTakenTwice_WritesTheSameBytes()
    {
        var backend = CreateBackend<long>(0, 127);
        var state = backend.GetState(Payload);
        foreach (var key in KeysOfOneKeyGroup(300))
        {
            backend.Select(key);
            state.Update(PayloadOf(key));
        }

        var first = new MemoryStream();
        backend.Snapshot(backend.KeyGroupRange, first);
        var second = new MemoryStream();
        backend.Snapshot(backend.KeyGroupRange, second); // its buffers come back from the pool, dirty

        Assert.Equal(first.ToArray(), second.ToArray());
    }
}
