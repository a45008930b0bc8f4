using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.BuiltIn;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// Exercises every operator in one graph: source → map → filter → flatMap, consumed twice (keyBy → reduce → sink, and
/// keyBy → sum → sink), and the source broadcast to a second sink. Outputs go to subfolders of <c>output</c>.
/// </summary>
public sealed class OperatorsJob : IStreamJob
{
    public const string Name = "operators";

    public static IEnumerable<long> Expanded(long events) =>
        Enumerable.Range(0, (int)events).Select(i => i * 2L).Where(x => x % 3 != 0).SelectMany(x => new[] { x, x + 1 });

    public JobParameters Parameters { get; } = new(
        JobParameter.Int64("events", 10_000, "Numbers to generate.", min: 1),
        JobParameter.String("output", "The folder whose subfolders get the outputs (required)."));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var events = args.GetInt64("events");
        var output = args.GetString("output") ?? throw new ArgumentException("output is required");
        var source = builder.AddSource(new GeneratorSource<long>(events, i => i)).Uid("numbers");
        var expanded = source
            .Map(i => i * 2)
            .Filter(x => x % 3 != 0)
            .FlatMap<long>((x, collector) =>
            {
                collector.Collect(x);
                collector.Collect(x + 1);
            });
        expanded
            .Map(x => new KeyedSumEvent(x % 7, x))
            .KeyBy(e => e.Key)
            .Reduce((a, b) => new KeyedSumEvent(a.Key, a.Value + b.Value)).Uid("reduce")
            .SinkTo(new FileSink<KeyedSumEvent>(Path.Combine(output, "reduce"), e => Line(e.Key, e.Value)));
        expanded
            .KeyBy(x => x % 5)
            .Sum(x => x).Uid("sum")
            .SinkTo(new FileSink<KeyValuePair<long, long>>(Path.Combine(output, "sum"), kv => Line(kv.Key, kv.Value)));
        source
            .Broadcast()
            .Map(x => x).SetParallelism(2).Uid("broadcast")
            .SinkTo(new FileSink<long>(Path.Combine(output, "broadcast"), x => x.ToString(CultureInfo.InvariantCulture))).SetParallelism(2);
    }

    private static string Line(long key, long value) => string.Create(CultureInfo.InvariantCulture, $"{key},{value}");
}
