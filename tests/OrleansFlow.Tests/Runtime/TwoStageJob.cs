using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Two keyed stages with a rebalance between: events (i % keys, i) → keyBy(key) → count per key and pass through →
/// rebalance → map to the coarse key key / 10 → keyBy(coarse) → sum → at end each coarse key's sum to a file.
/// </summary>
public sealed class TwoStageJob : IStreamJob
{
    public const string Name = "two-stage";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 100_000, "Events.", min: 1),
        JobParameter.Int64("keys", 1000, "Distinct keys.", min: 1),
        JobParameter.String("output", "The sink's folder (required)."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var events = args.GetInt64("events");
        var keys = args.GetInt64("keys");
        var output = args.GetString("output") ?? throw new ArgumentException("output is required");
        builder.AddSource(new GeneratorSource<KeyedSumEvent>(events, i => new KeyedSumEvent(i % keys, i))).Uid("source")
            .KeyBy(e => e.Key)
            .Process(() => new CountingPassThrough()).Uid("count")
            .Rebalance()
            .Map(e => new KeyedSumEvent(e.Key / 10, e.Value)).Uid("coarsen")
            .KeyBy(e => e.Key)
            .Process(() => new SumAtEnd()).Uid("sum")
            .SinkTo(new FileSink<KeyedSumEvent>(output, e => string.Create(CultureInfo.InvariantCulture, $"{e.Key},{e.Value}"))).Uid("sink");
    }

    private sealed class CountingPassThrough : KeyedProcessFunction<long, KeyedSumEvent, KeyedSumEvent>
    {
        private IValueState<long> _count = null!;

        public override void Open(IRuntimeContext context) => _count = context.State.GetState(new ValueStateDescriptor<long>("count"));

        public override void ProcessElement(KeyedSumEvent value, KeyedContext<long> context, ICollector<KeyedSumEvent> output)
        {
            Assert.Equal(value.Key, context.CurrentKey);
            _count.Update(_count.Value + 1);
            output.Collect(value);
        }
    }

    private sealed class SumAtEnd : KeyedProcessFunction<long, KeyedSumEvent, KeyedSumEvent>
    {
        private static readonly ReducingStateDescriptor<long> Sum = new("sum", (a, b) => a + b);
        private IReducingState<long> _sum = null!;

        public override void Open(IRuntimeContext context) => _sum = context.State.GetReducingState(Sum);

        public override void ProcessElement(KeyedSumEvent value, KeyedContext<long> context, ICollector<KeyedSumEvent> output) =>
            _sum.Add(value.Value);

        public override void OnEndOfInput(KeyedContext<long> context, ICollector<KeyedSumEvent> output) =>
            context.ApplyToAllKeys(Sum, key =>
            {
                _sum.TryGet(out var sum);
                output.Collect(new KeyedSumEvent(key, sum));
            });
    }
}
