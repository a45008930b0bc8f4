using OrleansFlow.Api;
using OrleansFlow.Connectors;
using OrleansFlow.Jobs;
using OrleansFlow.Network;

namespace OrleansFlow.Tests.Network;

public sealed class NetworkMemoryRequirementTests
{
    private const int BatchSize = 64;
    private static readonly long KeyedLongBuffer = BatchSize * (sizeof(long) + sizeof(int));

    private static JobGraph KeyedSum(int parallelism)
    {
        var builder = new StreamJobBuilder(parallelism, 1024);
        builder.AddSource(new GeneratorSource<long>(100, i => i)).KeyBy(x => x % 10).Sum(x => x);
        return JobGraphBuilder.Build(builder);
    }

    [Fact]
    public void PerSilo_WhenAllToAll_GivesEachSourceSubtaskOneBufferPerChannel()
    {
        var perSilo = NetworkMemoryRequirement.PerSilo(KeyedSum(4), ["a", "b", "a", "b"], BatchSize);

        Assert.Equal(2, perSilo.Count);
        Assert.Equal(2 * KeyedLongBuffer, perSilo["a"]); // source subtasks 0 and 2; the sum tasks have no outputs
        Assert.Equal(2 * KeyedLongBuffer, perSilo["b"]);
    }

    [Fact]
    public void Refusal_WhenTheSiloCannotHoldTheReservations_NamesNeededAndConfigured()
    {
        var graph = KeyedSum(8);

        var refusal = NetworkMemoryRequirement.Refusal(graph, Enumerable.Repeat("a", 8).ToList(), BatchSize, capacity: 8 * KeyedLongBuffer - 1);

        Assert.NotNull(refusal);
        Assert.Contains("needs 6 KiB on one silo", refusal, StringComparison.Ordinal);
        Assert.Contains("OrleansFlow:NetworkMemory is 6 KiB", refusal, StringComparison.Ordinal);
        Assert.Contains("64 channels", refusal, StringComparison.Ordinal);
        Assert.Null(NetworkMemoryRequirement.Refusal(graph, Enumerable.Repeat("a", 8).ToList(), BatchSize, capacity: 8 * KeyedLongBuffer));
    }

    [Fact]
    public void Refusal_WhenSpreadOverTwoSilos_NeedsHalfOnEach()
    {
        var graph = KeyedSum(8);
        var spread = Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? "a" : "b").ToList();

        Assert.Null(NetworkMemoryRequirement.Refusal(graph, spread, BatchSize, capacity: 4 * KeyedLongBuffer));
        Assert.NotNull(NetworkMemoryRequirement.Refusal(graph, spread, BatchSize, capacity: 4 * KeyedLongBuffer - 1));
    }

    [Fact]
    public void DemandOf_WhenBroadcastEdge_ReservesOneBufferPerChannel()
    {
        var builder = new StreamJobBuilder(3, 128);
        builder.AddSource(new GeneratorSource<long>(100, i => i)).SetParallelism(1).Broadcast().Map(x => x);
        var graph = JobGraphBuilder.Build(builder);

        var demand = NetworkMemoryRequirement.DemandOf(graph.Vertices[0], BatchSize);

        Assert.Equal(3 * BatchSize * sizeof(long), demand.Minimum);
    }
}
