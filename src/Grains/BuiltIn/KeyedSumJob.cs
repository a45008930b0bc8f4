using System.Globalization;
using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.BuiltIn;

/// <summary>
/// The reference job. Arguments: <c>events</c> N (0 = unbounded), <c>keys</c> K, <c>rate</c> events/s (0 = as fast
/// as possible), <c>output</c> a directory or <c>blob:{container}[/{prefix}]</c> (absent = discard; see
/// <see cref="FileSinkLocations"/>), written exactly once through the two-phase-commit <see cref="FileSink{T}"/>. Event i = (key i % K, value i), keyed by key, summed in
/// a <c>ValueState&lt;long&gt;</c> named <c>sum</c> of operator <c>sum</c>; at end of input each key's <c>key,sum</c>
/// goes to the file sink. The result is arithmetic: key k's sum is Σ i over i ≡ k (mod K), i &lt; N.
/// <c>faults</c> (comma-separated event indices) makes the sum function throw once at each of those events, to test
/// recovery (see <see cref="FaultInjection"/>).
/// </summary>
public sealed class KeyedSumJob(FileSinkLocations locations) : IStreamJob
{
    /// <summary>The name the job is registered under.</summary>
    public const string Name = "keyed-sum";

    /// <summary>The arguments: <c>events</c>, <c>keys</c>, <c>rate</c>, <c>output</c>, <c>faults</c>.</summary>
    public static readonly JobParameters Declared = new(
        JobParameter.Int64("events", 1_000_000, "Events to generate; 0 = unbounded.", min: 0),
        JobParameter.Int64("keys", 1000, "Distinct keys: event i has key i % keys.", min: 1),
        JobParameter.Int64("rate", 0, "Events per second; 0 = as fast as possible.", min: 0),
        JobParameter.String("output", "A directory (inside OrleansFlow:Sinks:AllowedDirectories; relative = under {DataDirectory}/output) or blob:{container}[/{prefix}]; absent = discard."),
        JobParameter.String("faults", "Comma-separated event indices at which the sum function throws once (to try recovery)."));

    /// <inheritdoc />
    public JobParameters Parameters => Declared;

    /// <inheritdoc />
    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var events = args.GetInt64("events");
        var keys = args.GetInt64("keys");
        var rate = args.GetInt64("rate");
        var output = args.GetString("output");
        var faults = ParseFaults(args.GetString("faults"));

        var sums = builder
            .AddSource(new GeneratorSource<KeyedSumEvent>(events, i => new KeyedSumEvent(i % keys, i), rate)).Uid("source")
            .KeyBy(e => e.Key)
            .Process(() => new KeyedSumFunction(faults)).Uid("sum");
        if (output is not null)
        {
            sums.SinkTo(locations.Create<KeyedSumEvent>(output, e => string.Create(CultureInfo.InvariantCulture, $"{e.Key},{e.Value}"))).Uid("sink");
        }
    }

    private static HashSet<long>? ParseFaults(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var faults = new HashSet<long>();
        foreach (var part in raw.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!long.TryParse(part, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) || index < 0)
                throw new ArgumentException($"Job argument 'faults' must be comma-separated event indices, got '{part}'.");
            faults.Add(index);
        }
        return faults;
    }
}
