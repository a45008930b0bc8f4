using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// A keyed sum whose value state has a time to live when <c>ttlMs</c> &gt; 0 (events i, key <c>i % keys</c>, 4 splits),
/// emitting <c>key,count,sum</c> per key at the end of input: with a TTL longer than the run nothing expires, so the
/// result is exact whether TTL was on or off in each run between savepoints.
/// </summary>
public sealed class TtlSumJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "ttl-sum";

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 10_000, "Events.", min: 1),
        JobParameter.Int64("keys", 10, "Keys.", min: 1),
        JobParameter.Int64("ttlMs", 0, "Time to live of the sums; 0 = none.", min: 0),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0),
        JobParameter.String("output", "The exactly-once file sink's directory."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var (keys, ttl) = (args.GetInt64("keys"), args.GetInt64("ttlMs"));
        builder.AddSource(new GeneratorSource<long>(args.GetInt64("events"), i => i, args.GetInt64("rate"), splits: 4)).Uid("source")
            .KeyBy(i => i % keys)
            .Process(() => new Sum(ttl)).Uid("sum")
            .SinkTo(locations.Create<string>(args.GetString("output")!, line => line)).Uid("sink");
    }

    private sealed class Sum(long ttlMs) : KeyedProcessFunction<long, long, string>
    {
        private ValueStateDescriptor<(long Count, long Sum)> _descriptor = null!;
        private IValueState<(long Count, long Sum)> _sums = null!;

        public override void Open(IRuntimeContext context)
        {
            _descriptor = new ValueStateDescriptor<(long Count, long Sum)>("sums");
            if (ttlMs > 0) _descriptor.EnableTimeToLive(new StateTtlConfig(TimeSpan.FromMilliseconds(ttlMs)) { UpdateType = StateTtlUpdateType.OnReadAndWrite });
            _sums = context.State.GetState(_descriptor);
        }

        public override void ProcessElement(long value, KeyedContext<long> context, ICollector<string> output)
        {
            var (count, sum) = _sums.Value;
            _sums.Update((count + 1, sum + value));
        }

        public override void OnEndOfInput(KeyedContext<long> context, ICollector<string> output) =>
            context.ApplyToAllKeys(_descriptor, key =>
            {
                var (count, sum) = _sums.Value;
                output.Collect(string.Create(CultureInfo.InvariantCulture, $"{key},{count},{sum}"));
            });
    }
}
