using OrleansFlow.BuiltIn;
using OrleansFlow.Savepoints;
using OrleansFlow.State;
using OrleansFlow.Tests.State;

namespace OrleansFlow.Tests.Savepoints;

public sealed class SnapshotTypeResolverTests
{
    private readonly SnapshotTypeResolver _resolver = new();

    [Theory]
    [InlineData(typeof(long))]
    [InlineData(typeof(int))]
    [InlineData(typeof(string))]
    [InlineData(typeof(double))]
    [InlineData(typeof(Guid))]
    [InlineData(typeof(long?))]
    [InlineData(typeof(long[]))]
    [InlineData(typeof(int[,]))]
    [InlineData(typeof(byte[][]))]
    [InlineData(typeof(List<long>))]
    [InlineData(typeof(Dictionary<string, long>))]
    [InlineData(typeof(Dictionary<long, List<string>>))]
    [InlineData(typeof(HashSet<Guid>))]
    [InlineData(typeof(ValueTuple<long, long>))]
    [InlineData(typeof(KeyedSumEvent))]
    [InlineData(typeof(List<KeyedSumEvent>[]))]
    [InlineData(typeof(AverageAggregate))]
    public void TryResolve_WhenNameWrittenByTheSnapshotFormat_ReturnsTheSameType(Type type)
    {
        var name = KeyedStateSnapshotFormat.FormatTypeName(type);

        Assert.True(_resolver.TryResolve(name, out var resolved, out var problem), problem);

        Assert.Equal(type, resolved);
        Assert.True(_resolver.TryResolve(name, out var again, out _)); // cached answer
        Assert.Same(resolved, again);
    }

    [Theory]
    [InlineData("My.Missing.Type", "My.Missing.Type")]
    [InlineData("System.Collections.Generic.List<My.Missing.Element>", "My.Missing.Element")]
    [InlineData("System.Collections.Generic.Dictionary<System.String>", "System.Collections.Generic.Dictionary`1")]
    public void TryResolve_WhenATypeIsNotLoaded_ReturnsFalseNamingIt(string name, string missing)
    {
        Assert.False(_resolver.TryResolve(name, out _, out var problem));

        Assert.Contains(missing, problem);
        Assert.Contains(name, problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("System.Int64<")]
    [InlineData("System.Collections.Generic.List<>")]
    [InlineData("System.Int64]")]
    [InlineData("System.Int64[")]
    [InlineData("System.Collections.Generic.List`1")]
    [InlineData("System.Int64&")]
    [InlineData("System.Collections.Generic.List<System.Int64>>")]
    public void TryResolve_WhenNameMalformed_ReturnsFalseWithTheReason(string name)
    {
        Assert.False(_resolver.TryResolve(name, out _, out var problem));

        Assert.StartsWith($"type '{name}' cannot be resolved: ", problem);
    }
}
