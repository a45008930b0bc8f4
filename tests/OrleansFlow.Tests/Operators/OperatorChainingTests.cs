using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using OrleansFlow.Api;
using OrleansFlow.KeyGroups;
using OrleansFlow.Operators;
using OrleansFlow.State;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Operators;

/// <summary>Records and event time travel a chain of operators in the order they were emitted.</summary>
public sealed class OperatorChainingTests
{
    [Fact]
    public void ProcessWatermark_WhenChainedThroughMapFilterAndFlatMap_ArrivesAfterTheRecordsBeforeIt()
    {
        var tail = new RecordingOutput<string>();
        var flatMap = new FlatMapOperator<int, string>((x, output) => { output.Collect($"{x}a"); output.Collect($"{x}b"); }, tail);
        var filter = new FilterOperator<int>(x => x % 2 == 0, new ChainedOutput<int>(flatMap));
        var map = new MapOperator<int, int>(x => x * 3, new ChainedOutput<int>(filter));

        map.Collect(1);
        map.Collect(2);
        map.ProcessWatermark(new Watermark(100));
        map.Collect(4);
        map.ProcessWatermarkStatus(WatermarkStatus.Idle);

        Assert.Equal(["6a", "6b", "Watermark(100)", "12a", "12b", "Idle"], tail.Received.Select(r => r.ToString()!));
    }

    [Fact]
    public void ProcessWatermark_WhenTheOperatorFansOut_ReachesEveryOutput()
    {
        var left = new RecordingOutput<int>();
        var right = new RecordingOutput<int>();
        var map = new MapOperator<int, int>(x => x, new FanOutOutput<int>([left, right]));

        map.Collect(7);
        map.ProcessWatermark(Watermark.Max);

        Assert.Equal([7, (object)Watermark.Max], left.Received);
        Assert.Equal([7, (object)Watermark.Max], right.Received);
    }

    [Fact]
    public void ProcessWatermark_WhenTheOperatorIsKeyed_ForwardsItAfterItsOutput()
    {
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var backend = new HeapKeyedStateBackend<long>(new KeyGroupRange(0, 127), 128, serializer);
        var tail = new RecordingOutput<long>();
        var echo = new Echo();
        var op = new KeyedProcessOperator<long, long, long>(x => x % 2, echo, backend, new OperatorContext("echo", 0, 1, 128, backend), tail,
            new OrleansFlow.Timers.ProcessingTimeService(TimeProvider.System, _ => { }))
        {
            OperatorState = new FunctionOperatorState(echo, new OperatorStateBackend(serializer, "echo"), backend, 0),
        };
        op.Open();

        op.Collect(5);
        op.ProcessWatermark(new Watermark(9));

        Assert.Equal([5L, (object)new Watermark(9).Timestamp], tail.Received.Select(r => r is Watermark w ? w.Timestamp : r));
        op.Dispose();
    }

    [Fact]
    public void ProcessWatermark_WhenTheOperatorIsASink_EndsThere()
    {
        var writer = new ListWriter();
        var sink = new SinkOperator<string>(writer);

        sink.Collect("x");
        sink.ProcessWatermark(new Watermark(1)); // nothing to forward to, nothing thrown
        sink.EndInput();

        Assert.Equal(["x", "end"], writer.Records);
    }

    private sealed class Echo : KeyedProcessFunction<long, long, long>
    {
        public override void ProcessElement(long value, KeyedContext<long> context, ICollector<long> output) => output.Collect(value);
    }

    private sealed class ListWriter : ISinkWriter<string>
    {
        public List<string> Records { get; } = [];

        public void Collect(string record) => Records.Add(record);

        public void EndOfInput() => Records.Add("end");

        public void Dispose() { }
    }
}
