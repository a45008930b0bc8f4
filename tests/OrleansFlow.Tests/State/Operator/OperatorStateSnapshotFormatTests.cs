using OrleansFlow.State;

namespace OrleansFlow.Tests.State.Operator;

public sealed class OperatorStateSnapshotFormatTests
{
    private static byte[] Sample()
    {
        var backend = new OperatorStateBackend(StateTestSupport.Serializer, "op");
        backend.GetListState(new ListStateDescriptor<long>("list")).AddAll([1, 2]);
        backend.GetBroadcastState(new MapStateDescriptor<string, int>("map")).Put("k", 5);
        return backend.Snapshot(includeBroadcast: true)!.Value.Bytes;
    }

    [Fact]
    public void Read_WhenWrittenByWrite_GivesTheStatesAtTheOffsetsWriteReported()
    {
        var backend = new OperatorStateBackend(StateTestSupport.Serializer, "op");
        backend.GetListState(new ListStateDescriptor<long>("list")).AddAll([1, 2]);
        var (bytes, infos) = backend.Snapshot(includeBroadcast: true)!.Value;

        var parsed = OperatorStateSnapshotFormat.Read(bytes);

        Assert.Equal(infos, parsed.Select(p => p.Info));
        Assert.Equal(infos[0].Length, parsed[0].Payload.Length);
        Assert.Equal("System.Int64", parsed[0].Info.ValueTypeName);
    }

    [Fact]
    public void Read_WhenTruncated_ThrowsInvalidData()
    {
        var bytes = Sample();

        Assert.Throws<InvalidDataException>(() => OperatorStateSnapshotFormat.Read(bytes.AsMemory(0, bytes.Length - 1)));
        Assert.Throws<InvalidDataException>(() => OperatorStateSnapshotFormat.Read(bytes.AsMemory(0, 20)));
    }

    [Fact]
    public void Read_WhenTheMagicOrVersionIsWrong_ThrowsSayingSo()
    {
        var bytes = Sample();
        var badMagic = (byte[])bytes.Clone();
        badMagic[0] = (byte)'X';
        var badVersion = (byte[])bytes.Clone();
        badVersion[4] = 9;

        Assert.Contains("OFOS", Assert.Throws<InvalidDataException>(() => OperatorStateSnapshotFormat.Read(badMagic)).Message, StringComparison.Ordinal);
        Assert.Contains("version 9", Assert.Throws<InvalidDataException>(() => OperatorStateSnapshotFormat.Read(badVersion)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenAStateClaimsMoreBytesThanRemain_ThrowsBeforeAllocating()
    {
        var bytes = Sample();
        var parsed = OperatorStateSnapshotFormat.Read(bytes);
        var lengthAt = (int)parsed[0].Info.Offset - 8;
        BitConverter.TryWriteBytes(bytes.AsSpan(lengthAt), long.MaxValue);

        var e = Assert.Throws<InvalidDataException>(() => OperatorStateSnapshotFormat.Read(bytes));

        Assert.Contains("claims", e.Message, StringComparison.Ordinal);
    }
}
