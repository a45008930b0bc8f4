using OrleansFlow.KeyGroups;

namespace OrleansFlow.Tests.KeyGroups;

public sealed class KeyGroupAssignmentTests
{
    [Theory]
    [InlineData(0, 94)]
    [InlineData(1, 86)]
    [InlineData(2, 127)]
    [InlineData(3, 113)]
    [InlineData(4, 7)]
    public void AssignToKeyGroup_WhenIntKeyAtMaxParallelism128_MatchesFlink(int key, int expected)
    {
        Assert.Equal(expected, KeyGroupAssignment.AssignToKeyGroup((object)key, 128));
        Assert.Equal(expected, KeyGroupAssignment.AssignToKeyGroup(key, 128));
    }

    [Theory]
    [InlineData("hello", 35)]
    [InlineData("flink", 98)]
    public void AssignToKeyGroup_WhenStringKeyAtMaxParallelism128_MatchesFlink(string key, int expected)
    {
        Assert.Equal(expected, KeyGroupAssignment.AssignToKeyGroup((object)key, 128));
        Assert.Equal(expected, KeyGroupAssignment.AssignToKeyGroup(key, 128));
    }

    [Fact]
    public void AssignToKeyGroup_WhenGenericLongOverload_EqualsObjectOverload()
    {
        var values = new List<long> { 0, 1, -1, long.MinValue, long.MaxValue, 1L << 32, (1L << 32) + 1, int.MaxValue, int.MinValue };
        var rng = new Random(1234);
        for (var i = 0; i < 5000; i++) values.Add(rng.NextInt64(long.MinValue, long.MaxValue));
        for (var i = -2000; i < 2000; i++) values.Add(i);

        foreach (var maxP in new[] { 1, 7, 128, 1000, 32768 })
        {
            foreach (var v in values)
            {
                var viaObject = KeyGroupAssignment.AssignToKeyGroup((object)v, maxP);
                Assert.Equal(viaObject, KeyGroupAssignment.AssignToKeyGroup(v, maxP));
                Assert.InRange(viaObject, 0, maxP - 1);
            }
        }
    }

    [Fact]
    public void AssignToKeyGroup_WhenLongKeyFitsInInt_EqualsIntKey()
    {
        // Java's Long.hashCode of a small non-negative long equals the int value.
        for (var i = 0; i < 1000; i++)
            Assert.Equal(KeyGroupAssignment.AssignToKeyGroup(i, 128), KeyGroupAssignment.AssignToKeyGroup((long)i, 128));
    }

    [Fact]
    public void ComputeKeyGroupRangeForOperatorIndex_WhenMaxP128AndP3_GivesFlinkRanges()
    {
        Assert.Equal(new KeyGroupRange(0, 42), KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(128, 3, 0));
        Assert.Equal(new KeyGroupRange(43, 85), KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(128, 3, 1));
        Assert.Equal(new KeyGroupRange(86, 127), KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(128, 3, 2));
    }

    public static TheoryData<int, int> ParallelismPairs()
    {
        var data = new TheoryData<int, int>();
        foreach (var maxP in new[] { 1, 2, 7, 128, 1000 })
        {
            var top = maxP == 128 ? 128 : Math.Min(maxP, 64);
            for (var p = 1; p <= top; p++) data.Add(maxP, p);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ParallelismPairs))]
    public void ComputeKeyGroupRangeForOperatorIndex_WhenAllSubtasks_RangesPartitionKeyGroupsAndMatchOperatorIndex(int maxP, int p)
    {
        var ranges = Enumerable.Range(0, p).Select(i => KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(maxP, p, i)).ToArray();

        // Contiguous, disjoint, covering [0, maxP - 1].
        Assert.Equal(0, ranges[0].StartKeyGroup);
        Assert.Equal(maxP - 1, ranges[^1].EndKeyGroup);
        for (var i = 1; i < p; i++)
            Assert.Equal(ranges[i - 1].EndKeyGroup + 1, ranges[i].StartKeyGroup);
        Assert.Equal(maxP, ranges.Sum(r => r.NumberOfKeyGroups));
        Assert.All(ranges, r => Assert.False(r.IsEmpty)); // p <= maxP: every subtask owns at least one key group

        for (var kg = 0; kg < maxP; kg++)
        {
            var owners = Enumerable.Range(0, p).Where(i => ranges[i].Contains(kg)).ToArray();
            var owner = Assert.Single(owners);
            Assert.Equal(owner, KeyGroupAssignment.ComputeOperatorIndexForKeyGroup(maxP, p, kg));
        }
    }

    [Fact]
    public void ComputeKeyGroupRangeForOperatorIndex_WhenMaxParallelism32768_DoesNotOverflow()
    {
        const int maxP = KeyGroupAssignment.UpperBoundMaxParallelism;
        foreach (var p in new[] { 1, 3, 1000, maxP - 1, maxP })
        {
            var last = KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(maxP, p, p - 1);
            Assert.Equal(maxP - 1, last.EndKeyGroup);
            Assert.Equal(p - 1, KeyGroupAssignment.ComputeOperatorIndexForKeyGroup(maxP, p, maxP - 1));
            Assert.Equal(0, KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(maxP, p, 0).StartKeyGroup);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(4)]
    public void ComputeKeyGroupRangeForOperatorIndex_WhenIndexOutOfRange_Throws(int operatorIndex)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(128, 3, operatorIndex));
        Assert.Equal("operatorIndex", ex.ParamName);
    }

    [Theory]
    [InlineData(1, 128)]
    [InlineData(2, 128)]
    [InlineData(85, 128)]     // 85 + 42 = 127 -> 128
    [InlineData(86, 256)]     // 86 + 43 = 129 -> 256
    [InlineData(100, 256)]    // 150 -> 256
    [InlineData(200, 512)]    // 300 -> 512
    [InlineData(1000, 2048)]  // 1500 -> 2048
    [InlineData(21845, 32768)] // 32767 -> 32768
    [InlineData(30000, 32768)] // 45000 -> 65536, capped
    [InlineData(40000, 32768)]
    public void ComputeDefaultMaxParallelism_WhenParallelism_FollowsFlinkRule(int parallelism, int expected)
    {
        Assert.Equal(expected, KeyGroupAssignment.ComputeDefaultMaxParallelism(parallelism));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(int.MinValue)]
    public void ComputeDefaultMaxParallelism_WhenParallelismBelowOne_Throws(int parallelism)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KeyGroupAssignment.ComputeDefaultMaxParallelism(parallelism));
        Assert.Equal("parallelism", ex.ParamName);
    }

    [Theory]
    [InlineData(715827884)]
    [InlineData(1000000000)]
    [InlineData(int.MaxValue)]
    public void ComputeDefaultMaxParallelism_WhenParallelismHuge_NeverReturnsLowerBound(int parallelism)
    {
        int result;
        try
        {
            result = KeyGroupAssignment.ComputeDefaultMaxParallelism(parallelism);
        }
        catch (ArgumentOutOfRangeException)
        {
            return; // refusing is acceptable (Flink refuses p > 32768)
        }
        Assert.Equal(KeyGroupAssignment.UpperBoundMaxParallelism, result);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 128)]
    [InlineData(128, 128)]
    [InlineData(32768, 32768)]
    public void CheckParallelismPreconditions_WhenValid_DoesNotThrow(int parallelism, int maxParallelism)
    {
        var ex = Record.Exception(() => KeyGroupAssignment.CheckParallelismPreconditions(parallelism, maxParallelism));
        Assert.Null(ex);
    }

    [Theory]
    [InlineData(1, 0, "maxParallelism")]
    [InlineData(1, -1, "maxParallelism")]
    [InlineData(1, 32769, "maxParallelism")]
    [InlineData(0, 128, "parallelism")]
    [InlineData(-1, 128, "parallelism")]
    [InlineData(129, 128, "parallelism")]
    [InlineData(32769, 32768, "parallelism")]
    public void CheckParallelismPreconditions_WhenInvalid_ThrowsNamingTheParameter(int parallelism, int maxParallelism, string paramName)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KeyGroupAssignment.CheckParallelismPreconditions(parallelism, maxParallelism));
        Assert.Equal(paramName, ex.ParamName);
    }

    [Fact]
    public void ComputeKeyGroupRangeForOperatorIndex_WhenParallelismAboveMax_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => KeyGroupAssignment.ComputeKeyGroupRangeForOperatorIndex(128, 129, 0));
    }
}
