using OrleansFlow.Api;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// The job of the checkpoint-duration benchmark: keyed state of a chosen size. Arguments: <c>keys</c> K and
/// <c>payload</c> B bytes. The source emits the keys 0 … K−1 once (<see cref="StateFillSource"/>) and then idles, so the
/// job stays RUNNING with a fixed state; the keyed function (<see cref="PayloadFunction"/>, operator uid
/// <c>state</c>) keeps one <c>byte[B]</c> per key in a <c>ValueState&lt;byte[]&gt;</c>. The state is about K × (B + a few
/// bytes of serializer framing per entry).
/// </summary>
public sealed class StateFillJob : IStreamJob
{
    /// <summary>The name the job is registered under in the bench silo.</summary>
    public const string Name = "bench-state-fill";

    /// <summary>The uid of the source operator.</summary>
    public const string SourceUid = "fill-source";

    /// <summary>The uid of the keyed operator that holds the state.</summary>
    public const string StateUid = "state";

    /// <summary>The arguments: <c>keys</c> and <c>payload</c>.</summary>
    public static readonly JobParameters Declared = new(
        JobParameter.Int64("keys", 1000, "Keys, each with one payload.", min: 1),
        JobParameter.Int64("payload", 1000, "Bytes per key.", min: 1));

    /// <inheritdoc />
    public JobParameters Parameters => Declared;

    /// <inheritdoc />
    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(args);
        var keys = args.GetInt64("keys");
        var payload = (int)args.GetInt64("payload");
        builder.AddSource(new StateFillSource(keys)).Uid(SourceUid)
            .KeyBy(k => k)
            .Process(() => new PayloadFunction(payload)).Uid(StateUid);
    }

    /// <summary>The job arguments for <paramref name="keys"/> keys of <paramref name="payloadBytes"/> bytes.</summary>
    public static Dictionary<string, string> Arguments(long keys, int payloadBytes) => new()
    {
        ["keys"] = keys.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["payload"] = payloadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
