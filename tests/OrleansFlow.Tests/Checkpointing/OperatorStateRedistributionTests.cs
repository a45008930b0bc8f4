using OrleansFlow.Checkpointing;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Checkpointing;

public sealed class OperatorStateRedistributionTests
{
    private static OperatorStateFileMetadata File(int subtask, params (string Name, OperatorStateMode Mode, int Count)[] states) => new()
    {
        RelativePath = $"op-{subtask}.op", Subtask = subtask, Size = 1_000, Checksum = "crc64:0000000000000000",
        States = states.Select(s => new OperatorStateEntryInfo { Name = s.Name, Mode = s.Mode, ValueTypeName = "System.Int64", Count = s.Count, Offset = 0, Length = 10 }).ToArray(),
    };

    private static OperatorStateMetadata Operator(int parallelism, params OperatorStateFileMetadata[] files) =>
        new() { Uid = "op", Parallelism = parallelism, States = [], OperatorStates = files };

    private static List<string> Shares(OperatorStateMetadata op, int subtask, int parallelism) =>
        OperatorStateRedistribution.SharesOf(op, subtask, parallelism, f => f.RelativePath).Select(s => $"{s.StateName}@{s.Path}[{s.Skip}+{s.Take}]").ToList();

    [Theory]
    [InlineData(10, 3, new long[] { 0, 4, 7, 10 })]
    [InlineData(2, 3, new long[] { 0, 1, 2, 2 })]
    [InlineData(0, 2, new long[] { 0, 0, 0 })]
    [InlineData(9, 3, new long[] { 0, 3, 6, 9 })]
    public void EvenShare_WhenSplittingTotal_GivesContiguousSharesDifferingByAtMostOneLargerFirst(long total, int shares, long[] bounds)
    {
        for (var i = 0; i < shares; i++) Assert.Equal((bounds[i], bounds[i + 1]), OperatorStateRedistribution.EvenShare(total, i, shares));
    }

    [Fact]
    public void SharesOf_WhenListStateIsRescaled2To3_CutsTheConcatenationInSubtaskOrderIntoEvenShares()
    {
        var op = Operator(2, File(0, ("l", OperatorStateMode.SplitDistribute, 5)), File(1, ("l", OperatorStateMode.SplitDistribute, 4)));

        Assert.Equal(["l@op-0.op[0+3]"], Shares(op, 0, 3));
        Assert.Equal(["l@op-0.op[3+2]", "l@op-1.op[0+1]"], Shares(op, 1, 3));
        Assert.Equal(["l@op-1.op[1+3]"], Shares(op, 2, 3));
    }

    [Fact]
    public void SharesOf_WhenListStateKeepsItsParallelism_EachSubtaskKeepsItsOwnElements()
    {
        var op = Operator(2, File(0, ("l", OperatorStateMode.SplitDistribute, 7)), File(1, ("l", OperatorStateMode.SplitDistribute, 1)));

        Assert.Equal(["l@op-0.op[0+7]"], Shares(op, 0, 2));
        Assert.Equal(["l@op-1.op[0+1]"], Shares(op, 1, 2));
    }

    [Fact]
    public void SharesOf_WhenUnionState_GivesEverySubtaskEveryElementOfEveryOldSubtask()
    {
        var op = Operator(2, File(0, ("u", OperatorStateMode.Union, 2)), File(1, ("u", OperatorStateMode.Union, 3)));

        foreach (var subtask in new[] { 0, 1, 2 }) Assert.Equal(["u@op-0.op[0+2]", "u@op-1.op[0+3]"], Shares(op, subtask, 3));
    }

    [Fact]
    public void SharesOf_WhenBroadcastState_GivesEverySubtaskTheLowestSubtasksCopy()
    {
        var op = Operator(3, File(1, ("b", OperatorStateMode.Broadcast, 4)), File(2, ("b", OperatorStateMode.Broadcast, 4)));

        foreach (var subtask in new[] { 0, 1, 2, 3, 4 }) Assert.Equal(["b@op-1.op[0+4]"], Shares(op, subtask, 5));
    }

    [Fact]
    public void SharesOf_WhenRescaledToOne_TheOneSubtaskGetsEveryListElementOnce()
    {
        var op = Operator(3, File(0, ("l", OperatorStateMode.SplitDistribute, 2)), File(1), File(2, ("l", OperatorStateMode.SplitDistribute, 3)));

        Assert.Equal(["l@op-0.op[0+2]", "l@op-2.op[0+3]"], Shares(op, 0, 1));
    }
}
