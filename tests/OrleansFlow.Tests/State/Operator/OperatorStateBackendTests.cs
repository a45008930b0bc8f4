using OrleansFlow.Checkpointing;
using OrleansFlow.State;

namespace OrleansFlow.Tests.State.Operator;

public sealed class OperatorStateBackendTests
{
    private static OperatorStateBackend NewBackend() => new(StateTestSupport.Serializer, "op");

    private static List<(OperatorStateEntryInfo Info, ReadOnlyMemory<byte> Payload, int Skip, int Take)> AllOf(byte[] file) =>
        OperatorStateSnapshotFormat.Read(file).Select(s => (s.Info, s.Payload, 0, s.Info.Count)).ToList();

    [Fact]
    public void Snapshot_WhenRestoredIntoANewBackend_GivesBackEveryStateWithItsModeAndContent()
    {
        var backend = NewBackend();
        backend.GetListState(new ListStateDescriptor<long>("list")).AddAll([1, 2, 3]);
        backend.GetUnionListState(new ListStateDescriptor<string>("union")).Add("u");
        var map = backend.GetBroadcastState(new MapStateDescriptor<string, int>("map"));
        map.Put("a", 1);
        map.Put("b", 2);

        var (bytes, states) = backend.Snapshot(includeBroadcast: true)!.Value;
        var restored = NewBackend();
        restored.Restore(AllOf(bytes));

        Assert.True(restored.IsRestored);
        Assert.Equal(["list:SplitDistribute:3", "map:Broadcast:2", "union:Union:1"], states.Select(s => $"{s.Name}:{s.Mode}:{s.Count}"));
        Assert.Equal([1L, 2, 3], restored.GetListState(new ListStateDescriptor<long>("list")).Get());
        Assert.Equal(["u"], restored.GetUnionListState(new ListStateDescriptor<string>("union")).Get());
        var restoredMap = restored.GetBroadcastState(new MapStateDescriptor<string, int>("map"));
        Assert.Equal(2, restoredMap.Count);
        Assert.True(restoredMap.TryGetValue("b", out var b) && b == 2);
    }

    [Fact]
    public void Restore_WhenGivenAShare_TakesOnlyThoseElementsAndAppendsSharesInOrder()
    {
        var backend = NewBackend();
        backend.GetListState(new ListStateDescriptor<long>("list")).AddAll([10, 11, 12, 13, 14]);
        var file = OperatorStateSnapshotFormat.Read(backend.Snapshot(includeBroadcast: true)!.Value.Bytes).Single();
        var restored = NewBackend();

        restored.Restore([(file.Info, file.Payload, 3, 2), (file.Info, file.Payload, 0, 1)]);

        Assert.Equal([13L, 14, 10], restored.GetListState(new ListStateDescriptor<long>("list")).Get());
    }

    [Fact]
    public void Snapshot_WhenNotIncludingBroadcast_LeavesBroadcastStatesOutAndIsNullWithoutOthers()
    {
        var backend = NewBackend();
        backend.GetBroadcastState(new MapStateDescriptor<string, int>("map")).Put("a", 1);

        Assert.Null(backend.Snapshot(includeBroadcast: false));
        Assert.Null(NewBackend().Snapshot(includeBroadcast: true));
    }

    [Fact]
    public void GetUnionListState_WhenTheNameIsAnEvenSplitList_ThrowsNamingBothKinds()
    {
        var backend = NewBackend();
        backend.GetListState(new ListStateDescriptor<long>("s"));

        var e = Assert.Throws<InvalidOperationException>(() => backend.GetUnionListState(new ListStateDescriptor<long>("s")));

        Assert.Contains("is a list state of System.Int64; it was asked for as a union list state of System.Int64", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetListState_WhenRestoredWithAnotherElementType_ThrowsNamingBothTypes()
    {
        var backend = NewBackend();
        backend.GetListState(new ListStateDescriptor<long>("s")).Add(1);
        var restored = NewBackend();
        restored.Restore(AllOf(backend.Snapshot(includeBroadcast: true)!.Value.Bytes));

        var e = Assert.Throws<InvalidOperationException>(() => restored.GetListState(new ListStateDescriptor<string>("s")));

        Assert.Contains("System.Int64", e.Message, StringComparison.Ordinal);
        Assert.Contains("System.String", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Snapshot_WhenARestoredStateIsNotRegisteredAgain_StillWritesIt()
    {
        var backend = NewBackend();
        backend.GetListState(new ListStateDescriptor<long>("kept")).Add(7);
        var restored = NewBackend();
        restored.Restore(AllOf(backend.Snapshot(includeBroadcast: true)!.Value.Bytes));

        var again = NewBackend();
        again.Restore(AllOf(restored.Snapshot(includeBroadcast: true)!.Value.Bytes));

        Assert.Equal([7L], again.GetListState(new ListStateDescriptor<long>("kept")).Get());
    }
}
