using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Connectors;
using OrleansFlow.State;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Two sources of different types connected: <c>keyed</c> keys both (i % keys) and sums each side per key in one value
/// state, emitting <c>key,count1,sum1,count2,sum2</c> per key at the end of input; <c>plain</c> tags every record with
/// its side (<c>a:i</c>, <c>b:name</c>) through a non-keyed co-process function.
/// </summary>
public sealed class ConnectJob(FileSinkLocations locations) : IStreamJob
{
    public const string Name = "connect";

    public JobParameters Parameters { get; } = new(
        JobParameter.String("variant", "keyed or plain."),
        JobParameter.Int64("events1", 10_000, "Events of the first source (longs).", min: 1),
        JobParameter.Int64("events2", 4_000, "Events of the second source (strings).", min: 1),
        JobParameter.Int64("keys", 7, "Keys.", min: 1),
        JobParameter.String("output", "The exactly-once file sink's directory."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var keys = args.GetInt64("keys");
        var first = builder.AddSource(new GeneratorSource<long>(args.GetInt64("events1"), i => i, splits: 4)).Uid("first");
        var second = builder.AddSource(new GeneratorSource<string>(args.GetInt64("events2"), i => $"n{i}", splits: 3)).Uid("second");
        var connected = first.Connect(second);
        var lines = args.GetString("variant") switch
        {
            "keyed" => connected.KeyBy(i => i % keys, s => long.Parse(s[1..], CultureInfo.InvariantCulture) % keys).Process(() => new SumBoth()).Uid("both"),
            "plain" => connected.Process(() => new Tag()).Uid("both"),
            var other => throw new ArgumentException($"Unknown variant '{other}'."),
        };
        lines.SinkTo(locations.Create<string>(args.GetString("output")!, line => line)).Uid("sink");
    }

    private sealed class SumBoth : KeyedCoProcessFunction<long, long, string, string>
    {
        private IValueState<(long Count1, long Sum1, long Count2, long Sum2)> _sums = null!;

        public override void Open(IRuntimeContext context) =>
            _sums = context.State.GetState(new ValueStateDescriptor<(long Count1, long Sum1, long Count2, long Sum2)>("sums"));

        public override void ProcessElement1(long value, KeyedContext<long> context, ICollector<string> output)
        {
            var s = _sums.Value;
            _sums.Update((s.Count1 + 1, s.Sum1 + value, s.Count2, s.Sum2));
        }

        public override void ProcessElement2(string value, KeyedContext<long> context, ICollector<string> output)
        {
            var s = _sums.Value;
            _sums.Update((s.Count1, s.Sum1, s.Count2 + 1, s.Sum2 + long.Parse(value[1..], CultureInfo.InvariantCulture)));
        }

        public override void OnEndOfInput(KeyedContext<long> context, ICollector<string> output) =>
            context.ApplyToAllKeys(new ValueStateDescriptor<(long, long, long, long)>("sums"), key =>
            {
                var s = _sums.Value;
                output.Collect(string.Create(CultureInfo.InvariantCulture, $"{key},{s.Count1},{s.Sum1},{s.Count2},{s.Sum2}"));
            });
    }

    private sealed class Tag : CoProcessFunction<long, string, string>
    {
        public override void ProcessElement1(long value, CoProcessContext context, ICollector<string> output) =>
            output.Collect(string.Create(CultureInfo.InvariantCulture, $"a:{value}"));

        public override void ProcessElement2(string value, CoProcessContext context, ICollector<string> output) => output.Collect($"b:{value}");
    }
}
