using OrleansFlow.KeyGroups;

namespace OrleansFlow.Tests.KeyGroups;

public sealed class KeyGroupRangeTests
{
    [Fact]
    public void Contains_WhenInclusiveBounds_IncludesBothEnds()
    {
        var range = new KeyGroupRange(10, 20);
        Assert.True(range.Contains(10));
        Assert.True(range.Contains(15));
        Assert.True(range.Contains(20));
        Assert.False(range.Contains(9));
        Assert.False(range.Contains(21));
        Assert.Equal(11, range.NumberOfKeyGroups);
        Assert.False(range.IsEmpty);
        Assert.Equal(Enumerable.Range(10, 11), range.KeyGroups());
    }

    [Fact]
    public void Constructor_WhenEndIsStartMinusOne_CreatesEmptyRange()
    {
        var empty = new KeyGroupRange(5, 4);
        Assert.True(empty.IsEmpty);
        Assert.Equal(0, empty.NumberOfKeyGroups);
        Assert.Empty(empty.KeyGroups());
        Assert.False(empty.Contains(4));
        Assert.False(empty.Contains(5));
    }

    [Fact]
    public void Constructor_WhenSingleKeyGroup_HasOneKeyGroup()
    {
        var single = new KeyGroupRange(0, 0);
        Assert.False(single.IsEmpty);
        Assert.Equal(1, single.NumberOfKeyGroups);
        Assert.Equal([0], single.KeyGroups());
    }

    [Theory]
    [InlineData(-1, 5, "startKeyGroup")]
    [InlineData(5, 3, "endKeyGroup")]
    [InlineData(0, -2, "endKeyGroup")]
    public void Constructor_WhenBoundsInvalid_Throws(int start, int end, string paramName)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new KeyGroupRange(start, end));
        Assert.Equal(paramName, ex.ParamName);
    }

    [Theory]
    [InlineData(0, 42, 30, 60, 30, 42)]
    [InlineData(30, 60, 0, 42, 30, 42)]
    [InlineData(0, 127, 43, 85, 43, 85)]
    [InlineData(10, 20, 20, 30, 20, 20)]
    [InlineData(10, 20, 10, 20, 10, 20)]
    public void Intersect_WhenRangesOverlap_ReturnsSharedKeyGroups(int s1, int e1, int s2, int e2, int expectedStart, int expectedEnd)
    {
        var result = new KeyGroupRange(s1, e1).Intersect(new KeyGroupRange(s2, e2));
        Assert.Equal(new KeyGroupRange(expectedStart, expectedEnd), result);
    }

    [Theory]
    [InlineData(0, 42, 43, 85)]
    [InlineData(43, 85, 0, 42)]
    [InlineData(0, 10, 50, 60)]
    public void Intersect_WhenRangesDisjoint_ReturnsEmpty(int s1, int e1, int s2, int e2)
    {
        var result = new KeyGroupRange(s1, e1).Intersect(new KeyGroupRange(s2, e2));
        Assert.True(result.IsEmpty);
        Assert.Empty(result.KeyGroups());
    }

    [Fact]
    public void Intersect_WhenOneRangeEmpty_ReturnsEmpty()
    {
        var empty = new KeyGroupRange(5, 4);
        Assert.True(empty.Intersect(new KeyGroupRange(0, 127)).IsEmpty);
        Assert.True(new KeyGroupRange(0, 127).Intersect(empty).IsEmpty);
    }

    [Fact]
    public void Intersect_WhenRescalingFrom3To2_EachOldRangeSplitsOverNewOwners()
    {
        // Each key group of the old subtasks lands in exactly one new subtask's intersection.
        const int maxP = 128;
        var oldRanges = Enumerable.Range(0, 3).Select(i => KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(maxP, 3, i)).ToArray();
        var newRanges = Enumerable.Range(0, 2).Select(i => KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(maxP, 2, i)).ToArray();
        var total = oldRanges.SelectMany(o => newRanges.Select(n => o.Intersect(n))).Sum(r => r.NumberOfKeyGroups);
        Assert.Equal(maxP, total);
    }

    [Fact]
    public void ToString_WhenCalled_ShowsInclusiveBounds()
    {
        Assert.Equal("[43, 85]", new KeyGroupRange(43, 85).ToString());
    }
}
