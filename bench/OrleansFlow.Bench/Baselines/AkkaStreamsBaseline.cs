using System.Diagnostics;
using System.Runtime.InteropServices;
using Akka.Actor;
using Akka.Configuration;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace OrleansFlow.Bench.Baselines;

/// <summary>
/// Akka.Streams: one fused graph Source (generated events) → Select (key, value) → Sink.Aggregate into a dictionary.
/// The ActorSystem is created and terminated outside the timed region.
/// </summary>
public sealed class AkkaStreamsBaseline : IBenchmark
{
    public const string BenchmarkName = "akka-streams";

    private static readonly Config AkkaConfig = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """);

    public string Name => BenchmarkName;

    public async Task<BenchmarkResult> RunAsync(BenchOptions options)
    {
        long n = options.Events, k = options.Keys;
        var system = ActorSystem.Create("akka-streams-baseline", AkkaConfig);
        try
        {
            var materializer = system.Materializer();

            var sw = Stopwatch.StartNew();
            var sums = await Source.From(Sequence(n))
                .Select(i => (Key: i % k, Value: i))
                .RunWith(
                    Sink.Aggregate<(long Key, long Value), Dictionary<long, long>>(
                        new Dictionary<long, long>(),
                        static (dict, e) =>
                        {
                            ref long sum = ref CollectionsMarshal.GetValueRefOrAddDefault(dict, e.Key, out _);
                            sum += e.Value;
                            return dict;
                        }),
                    materializer);
            sw.Stop();

            KeyedSumVerifier.Verify(Name, sums, n, k);
            return new BenchmarkResult(Name, n, sw.Elapsed.TotalSeconds);
        }
        finally
        {
            await system.Terminate();
        }
    }

    private static IEnumerable<long> Sequence(long n)
    {
        for (long i = 0; i < n; i++)
        {
            yield return i;
        }
    }
}
