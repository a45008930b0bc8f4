using System.IO.Hashing;
using OrleansFlow.KeyGroups;
using OrleansFlow.State;
using static OrleansFlow.Tests.State.StateTestSupport;

namespace OrleansFlow.Tests.State;

/// <summary>The checksums of a snapshot's header and sections: recorded by the writer, verified by the reader on what it reads.</summary>
public sealed class SectionChecksumTests
{
    private static readonly ValueStateDescriptor<byte[]?> Payload = new("payload");

    /// <summary>Key group 5 holds 4 MB (a section that spans several buffer flushes); every other key group a little.</summary>
    private static (HeapKeyedStateBackend<long> Backend, List<long> Keys) Filled()
    {
        var backend = CreateBackend<long>(0, 127);
        var state = backend.GetState(Payload);
        var keys = new List<long>();
        var inFive = 0;
        for (var key = 0L; inFive < 1000; key++)
        {
            var keyGroup = KeyGroupOf(key);
            if (keyGroup == 5) inFive++;
            else if (key >= 2000) continue;
            backend.SetCurrentKey(key, keyGroup);
            state.Update(Enumerable.Repeat((byte)key, keyGroup == 5 ? 4096 : 16).ToArray());
            keys.Add(key);
        }
        return (backend, keys);
    }

    /// <summary>The bytes and the writer's record of a snapshot of <see cref="Filled"/>, with the keys it holds.</summary>
    private static (List<long> Keys, byte[] Bytes, KeyedStateSnapshotInfo Info) Snapshotted()
    {
        var (backend, keys) = Filled();
        var file = new MemoryStream();
        var info = backend.Snapshot(backend.KeyGroupRange, file);
        return (keys, file.ToArray(), info);
    }

    [Fact]
    public void Snapshot_WhenWritten_RecordsTheChecksumOfTheHeaderAndOfEverySection()
    {
        var (backend, _) = Filled();
        var file = new MemoryStream();

        var info = backend.Snapshot(backend.KeyGroupRange, file);

        var bytes = file.ToArray();
        Assert.Equal(XxHash3.HashToUInt64(bytes.AsSpan(0, (int)info.Offsets[0])), info.SectionChecksums.Header);
        Assert.Equal(128, info.SectionChecksums.KeyGroups.Count);
        for (var i = 0; i < 128; i++)
            Assert.Equal(XxHash3.HashToUInt64(bytes.AsSpan((int)info.Offsets[i], (int)info.Lengths[i])), info.SectionChecksums.KeyGroups[i]);
        Assert.True(info.Lengths[5] > 3 * KeyedStateSnapshotWriter.FlushThreshold);
    }

    [Fact]
    public void Restore_WhenChecksumsMatch_RestoresEveryKey()
    {
        var (keys, bytes, info) = Snapshotted();

        var restored = CreateBackend<long>(0, 127);
        restored.Restore(new MemoryStream(bytes), restored.KeyGroupRange, info.SectionChecksums);

        var state = restored.GetState(Payload);
        foreach (var key in keys)
        {
            restored.Select(key);
            Assert.Equal((byte)key, state.Value![0]);
        }
    }

    [Fact]
    public void Restore_WhenAByteOfARestoredSectionFlipped_ThrowsNamingTheKeyGroupAndLeavesTheBackendUnchanged()
    {
        var (_, bytes, info) = Snapshotted();
        bytes[info.Offsets[5] + info.Lengths[5] / 2] ^= 0x01; // inside a value: the format alone would not notice

        var restored = CreateBackend<long>(0, 127);
        var e = Assert.Throws<InvalidDataException>(() => restored.Restore(new MemoryStream(bytes), restored.KeyGroupRange, info.SectionChecksums));

        Assert.Contains("key group 5 has checksum", e.Message, StringComparison.Ordinal);
        Assert.Empty(KeysOf(restored, "payload"));
    }

    [Fact]
    public void Restore_WhenTheFlippedSectionIsNotRead_RestoresTheOthers()
    {
        var (keys, bytes, info) = Snapshotted();
        bytes[info.Offsets[5] + info.Lengths[5] / 2] ^= 0x01;

        var restored = CreateBackend<long>(64, 127);
        restored.Restore(new MemoryStream(bytes), restored.KeyGroupRange, info.SectionChecksums);

        Assert.Equal(keys.Where(k => KeyGroupOf(k) >= 64).Order(), KeysOf(restored, "payload").Order());
    }

    [Fact]
    public void Restore_WhenTheStateTableIsCorrupt_ThrowsSayingTheHeaderIsCorrupt()
    {
        var (_, bytes, info) = Snapshotted();
        var name = bytes.AsSpan(0, (int)info.Offsets[0]).IndexOf("payload"u8);
        bytes[name] = (byte)'q'; // "qayload": still a valid state table, another state's name

        var restored = CreateBackend<long>(0, 127);
        var e = Assert.Throws<InvalidDataException>(() => restored.Restore(new MemoryStream(bytes), new KeyGroupRange(0, 127), info.SectionChecksums));

        Assert.Contains("header is corrupt", e.Message, StringComparison.Ordinal);
    }
}
