using OrleansFlow.KeyGroups;

namespace OrleansFlow.Tests.Channels;

public sealed class KeyGroupAssignerTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 3)]
    [InlineData(128, 4)]
    [InlineData(1000, 7)]
    [InlineData(32768, 100)]
    public void KeyGroupOf_WhenComparedWithKeyGroupAssignment_AgreesForEveryKeyAndOwner(int maxParallelism, int parallelism)
    {
        var assigner = new KeyGroupAssigner(maxParallelism, parallelism);
        var rng = new Random(maxParallelism);
        var keys = Enumerable.Range(-5000, 10_000).Select(i => (long)i).Concat(Enumerable.Range(0, 10_000).Select(_ => rng.NextInt64(long.MinValue, long.MaxValue)));

        foreach (var key in keys)
        {
            var expected = KeyGroupAssignment.AssignToKeyGroup(key, maxParallelism);
            Assert.Equal(expected, assigner.KeyGroupOf(key));
            Assert.Equal(KeyGroupAssignment.ComputeOperatorIndexForKeyGroup(maxParallelism, parallelism, expected), assigner.OperatorIndexOf(expected));
        }
        Assert.Equal(KeyGroupAssignment.AssignToKeyGroup("flink", maxParallelism), assigner.KeyGroupOf("flink"));
    }
}
