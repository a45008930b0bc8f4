using OrleansFlow.Api;
using OrleansFlow.Api.Graph;
using OrleansFlow.Connectors;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Graph;

public sealed class JobGraphBuilderTests
{
    private static GeneratorSource<long> Source() => new(100, i => i);

    [Fact]
    public void Build_WhenSourceMapFilter_ChainsIntoOneVertex()
    {
        var builder = new StreamJobBuilder(2, 128);
        builder.AddSource(Source()).Map(x => x * 2).Filter(x => x > 3);

        var graph = JobGraphBuilder.Build(builder);

        var vertex = Assert.Single(graph.Vertices);
        Assert.Equal(["source", "map", "filter"], vertex.Chain.Select(t => t.Kind));
        Assert.Equal(2, vertex.Parallelism);
        Assert.True(vertex.IsSource);
        Assert.Empty(vertex.Inputs);
        Assert.Empty(vertex.Outputs);
        Assert.Equal(0, vertex.InputChannelCount);
        Assert.Equal("source-0", vertex.Uid);
        Assert.Equal(128, graph.MaxParallelism);
    }

    [Fact]
    public void Build_WhenKeyBy_BreaksChainWithKeyGroupHashEdge()
    {
        var builder = new StreamJobBuilder(3, 128);
        builder.AddSource(Source()).Map(x => x + 1).KeyBy(x => x % 10).Sum(x => x);

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(2, graph.Vertices.Count);
        var (upstream, keyed) = (graph.Vertices[0], graph.Vertices[1]);
        Assert.Equal(["source", "map"], upstream.Chain.Select(t => t.Kind));
        Assert.Equal(["sum"], keyed.Chain.Select(t => t.Kind));
        Assert.False(keyed.IsSource);

        var edge = Assert.Single(upstream.Outputs);
        Assert.Same(edge, Assert.Single(keyed.Inputs));
        Assert.Same(upstream, edge.Source);
        Assert.Same(keyed, edge.Target);
        Assert.Equal(PartitioningKind.KeyGroupHash, edge.Partitioning.Kind);
        Assert.IsAssignableFrom<KeyGroupPartitioning>(edge.Partitioning);
        Assert.Equal(0, edge.TargetInputOrdinal);
    }

    [Fact]
    public void Build_WhenKeyedOperatorFollowedBySinkWithEqualParallelism_ChainsTheSink()
    {
        var builder = new StreamJobBuilder(4, 128);
        builder.AddSource(Source()).KeyBy(x => x % 3).Reduce((a, b) => a + b).SinkTo(new TestSink<long>());

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(2, graph.Vertices.Count);
        Assert.Equal(["source"], graph.Vertices[0].Chain.Select(t => t.Kind));
        Assert.Equal(["reduce", "sink"], graph.Vertices[1].Chain.Select(t => t.Kind));
        Assert.Empty(graph.Vertices[1].Outputs);
    }

    [Fact]
    public void Build_WhenKeyedOperatorAndSinkParallelismDiffer_SinkGetsRebalanceEdge()
    {
        var builder = new StreamJobBuilder(4, 128);
        builder.AddSource(Source()).KeyBy(x => x % 3).Process(() => new PassThrough()).SinkTo(new TestSink<long>()).SetParallelism(1);

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(3, graph.Vertices.Count);
        var sink = graph.Vertices[2];
        Assert.Equal(1, sink.Parallelism);
        Assert.Equal(PartitioningKind.Rebalance, Assert.Single(sink.Inputs).Partitioning.Kind);
        Assert.Equal(["process"], graph.Vertices[1].Chain.Select(t => t.Kind));
        Assert.Equal(4, sink.InputChannelCount);
    }

    [Fact]
    public void Build_WhenParallelismDiffersOnForwardEdge_TurnsItIntoRebalanceAndBreaksChain()
    {
        var builder = new StreamJobBuilder(2, 128);
        builder.AddSource(Source()).Map(x => x).SetParallelism(5).Filter(x => x > 0).SetParallelism(5);

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(2, graph.Vertices.Count);
        Assert.Equal(2, graph.Vertices[0].Parallelism);
        Assert.Equal(5, graph.Vertices[1].Parallelism);
        Assert.Equal(["map", "filter"], graph.Vertices[1].Chain.Select(t => t.Kind));
        var edge = Assert.Single(graph.Vertices[1].Inputs);
        Assert.Equal(PartitioningKind.Rebalance, edge.Partitioning.Kind);
        Assert.Equal(2, graph.Vertices[1].InputChannelCount);
    }

    [Fact]
    public void Build_WhenRebalance_ProducesRebalanceEdgeEvenWithEqualParallelism()
    {
        var builder = new StreamJobBuilder(3, 128);
        builder.AddSource(Source()).Rebalance().Map(x => x);

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(2, graph.Vertices.Count);
        var edge = Assert.Single(graph.Vertices[0].Outputs);
        Assert.Equal(PartitioningKind.Rebalance, edge.Partitioning.Kind);
        Assert.Equal(3, graph.Vertices[1].InputChannelCount);
    }

    [Fact]
    public void Build_WhenBroadcast_ProducesBroadcastEdge()
    {
        var builder = new StreamJobBuilder(3, 128);
        builder.AddSource(Source()).SetParallelism(1).Broadcast().Map(x => x);

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(2, graph.Vertices.Count);
        var edge = Assert.Single(graph.Vertices[1].Inputs);
        Assert.Equal(PartitioningKind.Broadcast, edge.Partitioning.Kind); // stays broadcast although parallelism differs
        Assert.Equal(1, graph.Vertices[0].Parallelism);
        Assert.Equal(3, graph.Vertices[1].Parallelism);
        Assert.Equal(1, graph.Vertices[1].InputChannelCount);
    }

    [Fact]
    public void Build_WhenNoExplicitUids_UsesKindAndCreationIndex()
    {
        var builder = new StreamJobBuilder(2, 128);
        builder.AddSource(Source()).Map(x => x).Filter(x => true).FlatMap<long>((x, c) => c.Collect(x))
            .KeyBy(x => x).Sum(x => x).Map(kv => kv.Value).SinkTo(new TestSink<long>());

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(
            ["source-0", "map-1", "filter-2", "flatmap-3", "sum-4", "map-5", "sink-6"],
            graph.Vertices.SelectMany(v => v.Chain).Select(t => t.Uid));
        Assert.All(graph.Vertices.SelectMany(v => v.Chain), t => Assert.False(t.HasExplicitUid));
        Assert.Equal(["source-0", "sum-4"], graph.Vertices.Select(v => v.Uid));
    }

    [Fact]
    public void Build_WhenExplicitUid_OverridesDefaultAndKeepsOthersNumbered()
    {
        var builder = new StreamJobBuilder(2, 128);
        builder.AddSource(Source()).Uid("events").Map(x => x).KeyBy(x => x).Reduce((a, b) => a + b).Uid("totals").SinkTo(new TestSink<long>());

        var graph = JobGraphBuilder.Build(builder);

        var uids = graph.Vertices.SelectMany(v => v.Chain).Select(t => t.Uid).ToArray();
        Assert.Equal(["events", "map-1", "totals", "sink-3"], uids);
        Assert.Equal("totals", graph.Vertices[1].Uid);
    }

    [Fact]
    public void Build_WhenSameJobCodeBuiltTwice_GivesSameUids()
    {
        static string[] Uids()
        {
            var b = new StreamJobBuilder(2, 128);
            b.AddSource(Source()).Map(x => x).KeyBy(x => x).Sum(x => x).SinkTo(new TestSink<KeyValuePair<long, long>>());
            return JobGraphBuilder.Build(b).Vertices.SelectMany(v => v.Chain).Select(t => t.Uid).ToArray();
        }
        Assert.Equal(Uids(), Uids());
    }

    [Fact]
    public void Build_WhenDuplicateUids_ThrowsArgumentExceptionNamingTheUid()
    {
        var builder = new StreamJobBuilder(2, 128);
        builder.AddSource(Source()).Uid("same").Map(x => x).Uid("same");

        var ex = Assert.Throws<ArgumentException>(() => JobGraphBuilder.Build(builder));
        Assert.Contains("'same'", ex.Message);
    }

    [Fact]
    public void Build_WhenExplicitUidCollidesWithDefaultUid_ThrowsArgumentException()
    {
        var builder = new StreamJobBuilder(2, 128);
        builder.AddSource(Source()).Map(x => x).Filter(x => true).Uid("map-1");

        var ex = Assert.Throws<ArgumentException>(() => JobGraphBuilder.Build(builder));
        Assert.Contains("map-1", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    public void Uid_WhenInvalid_ThrowsArgumentException(string uid)
    {
        var builder = new StreamJobBuilder(2, 128);
        var stream = builder.AddSource(Source());
        Assert.ThrowsAny<ArgumentException>(() => stream.Uid(uid));
    }

    [Fact]
    public void Build_WhenOperatorParallelismAboveMax_ThrowsArgumentExceptionNamingTheOperator()
    {
        var builder = new StreamJobBuilder(2, 8);
        builder.AddSource(Source()).Map(x => x).SetParallelism(9);

        var ex = Assert.Throws<ArgumentException>(() => JobGraphBuilder.Build(builder));
        Assert.Contains("map-1", ex.Message);
        Assert.Contains("9", ex.Message);
    }

    [Fact]
    public void Build_WhenJobParallelismAboveMax_Throws()
    {
        var builder = new StreamJobBuilder(200, 128);
        builder.AddSource(Source());

        Assert.ThrowsAny<ArgumentException>(() => JobGraphBuilder.Build(builder));
    }

    [Fact]
    public void SetParallelism_WhenBelowOne_Throws()
    {
        var builder = new StreamJobBuilder(2, 128);
        var stream = builder.AddSource(Source());
        Assert.Throws<ArgumentOutOfRangeException>(() => stream.SetParallelism(0));
    }

    [Fact]
    public void Build_WhenOperatorConsumesSink_ThrowsArgumentException()
    {
        var builder = new StreamJobBuilder(2, 128);
        builder.AddSource(Source()).SinkTo(new TestSink<long>()).Map(x => x);

        var ex = Assert.Throws<ArgumentException>(() => JobGraphBuilder.Build(builder));
        Assert.Contains("sink-1", ex.Message);
    }

    [Fact]
    public void Build_WhenNoOperator_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => JobGraphBuilder.Build(new StreamJobBuilder(1, 128)));
    }

    [Fact]
    public void Build_WhenOperatorHasTwoConsumers_ChainsWithNeither()
    {
        var builder = new StreamJobBuilder(2, 128);
        var source = builder.AddSource(Source());
        source.Map(x => x + 1).SinkTo(new TestSink<long>());
        source.Filter(x => x % 2 == 0).SinkTo(new TestSink<long>());

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(3, graph.Vertices.Count);
        Assert.Equal(["source"], graph.Vertices[0].Chain.Select(t => t.Kind));
        Assert.Equal(["map", "sink"], graph.Vertices[1].Chain.Select(t => t.Kind));
        Assert.Equal(["filter", "sink"], graph.Vertices[2].Chain.Select(t => t.Kind));
        Assert.Equal(2, graph.Vertices[0].Outputs.Count);
        Assert.All(graph.Vertices[0].Outputs, e => Assert.Equal(PartitioningKind.Forward, e.Partitioning.Kind));
        Assert.Equal([graph.Vertices[1], graph.Vertices[2]], graph.Vertices[0].Outputs.Select(e => e.Target));
    }

    [Fact]
    public void Build_WhenMidChainOperatorHasTwoConsumers_ChainStopsAfterIt()
    {
        var builder = new StreamJobBuilder(2, 128);
        var mapped = builder.AddSource(Source()).Map(x => x);
        mapped.SinkTo(new TestSink<long>());
        mapped.SinkTo(new TestSink<long>());

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(3, graph.Vertices.Count);
        Assert.Equal(["source", "map"], graph.Vertices[0].Chain.Select(t => t.Kind));
        Assert.All(graph.Vertices.Skip(1), v => Assert.Equal(["sink"], v.Chain.Select(t => t.Kind)));
    }

    [Fact]
    public void InputChannelCount_WhenVertexHasUpstreamParallelism_CountsOneChannelPerUpstreamSubtask()
    {
        var builder = new StreamJobBuilder(4, 128);
        builder.AddSource(Source()).SetParallelism(3).KeyBy(x => x).Sum(x => x).SetParallelism(6).SinkTo(new TestSink<KeyValuePair<long, long>>()).SetParallelism(2);

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal([3, 6, 2], graph.Vertices.Select(v => v.Parallelism));
        Assert.Equal([0, 3, 6], graph.Vertices.Select(v => v.InputChannelCount));
        Assert.Equal(0, graph.Vertices[2].InputChannelOffset(0));
        Assert.Equal(3 + 6 + 2, graph.AllTasks("job").Count());
        Assert.Equal([0, 1, 2], graph.Vertices.Select(v => v.Index));
    }

    private sealed class PassThrough : KeyedProcessFunction<long, long, long>
    {
        public override void ProcessElement(long value, KeyedContext<long> context, ICollector<long> output) => output.Collect(value);
    }

    private sealed class TestSink<T> : ISink<T>
    {
        public ISinkWriter<T> CreateWriter(SinkWriterContext context) => new Writer();

        private sealed class Writer : ISinkWriter<T>
        {
            public List<T> Records { get; } = [];
            public void Collect(T record) => Records.Add(record);
            public void EndOfInput() { }
            public void Dispose() { }
        }
    }

    [Fact]
    public void Build_WhenASideOutputIsRead_GivesItsConsumerATaggedEdgeAndKeepsTheMainOutputChained()
    {
        var builder = new StreamJobBuilder(2, 128);
        var late = new OutputTag<long>("late");
        var windows = builder.AddSource(Source()).KeyBy(x => x % 10).Sum(x => x).Uid("sum");
        windows.Map(kv => kv.Value).Uid("main");
        windows.GetSideOutput(late).Map(x => x + 1).Uid("late-map");

        var graph = JobGraphBuilder.Build(builder);

        Assert.Equal(3, graph.Vertices.Count);
        var keyed = graph.Vertices.Single(v => v.Uid == "sum");
        Assert.Equal(["sum", "main"], keyed.Chain.Select(t => t.Uid)); // the main consumer stays chained
        var side = Assert.Single(keyed.Outputs);
        Assert.Equal("late", side.SideOutput!.TagId);
        Assert.Same(keyed.Chain[0], side.SideOutput.Producer);
        Assert.Equal(typeof(long), side.SideOutput.RecordType);
        Assert.Equal("late-map", side.Target.Uid);
        Assert.Equal(PartitioningKind.Forward, side.Partitioning.Kind);
    }

    [Fact]
    public void GetSideOutput_WhenTheOperatorCannotEmitSideOutputs_ThrowsNamingIt()
    {
        var builder = new StreamJobBuilder(2, 128);
        var mapped = builder.AddSource(Source()).Map(x => x).Uid("plain");

        var error = Assert.Throws<InvalidOperationException>(() => mapped.GetSideOutput(new OutputTag<long>("x")));

        Assert.Contains("'plain'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WhenThreeStreamsAreUnitedAndKeyed_GivesTheConsumerAnEdgeFromEach()
    {
        var builder = new StreamJobBuilder(2, 128);
        var a = builder.AddSource(Source()).Uid("a");
        var b = builder.AddSource(Source()).Uid("b").Map(x => x + 1).Uid("b-map");
        var c = builder.AddSource(Source()).Uid("c").SetParallelism(1);
        a.Union(b, c).KeyBy(x => x % 3).Sum(x => x).Uid("sum");

        var graph = JobGraphBuilder.Build(builder);

        var sum = graph.Vertices.Single(v => v.Uid == "sum");
        Assert.Equal(["sum"], sum.Chain.Select(t => t.Uid));
        Assert.Equal(["a", "b", "c"], sum.Inputs.Select(e => e.Source.Uid));
        Assert.Equal([0, 1, 2], sum.Inputs.Select(e => e.TargetInputOrdinal));
        Assert.All(sum.Inputs, e => Assert.IsAssignableFrom<KeyGroupPartitioning>(e.Partitioning));
        Assert.Equal(2 + 2 + 1, sum.InputChannelCount);
        Assert.Equal(["b", "b-map"], graph.Vertices.Single(v => v.Uid == "b").Chain.Select(t => t.Uid)); // chained up to the union
    }
}
