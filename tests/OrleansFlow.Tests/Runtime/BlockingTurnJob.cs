using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// A job whose process function blocks its task's turn at record <c>blockAt</c> (at 1,000 records/s, so metrics are seen
/// before) until the test opens <see cref="Release"/> (as a watermark that fires very many windows holds a turn):
/// <see cref="Entered"/> is set once the turn is blocked. The test must release it within the 30 s response timeout of
/// the upstream's delivery. One test at a time uses it (static gates).
/// </summary>
public sealed class BlockingTurnJob : IStreamJob
{
    public const string Name = "blocking-turn";

    public static ManualResetEventSlim Entered { get; } = new();

    public static ManualResetEventSlim Release { get; } = new();

    public JobParameters Parameters { get; } = new(JobParameter.Int64("blockAt", 1_000, "The record whose processing blocks.", min: 0));

    public void Build(StreamJobBuilder builder, JobArguments args)
    {
        var blockAt = args.GetInt64("blockAt");
        builder.AddSource(new GeneratorSource<long>(0, i => i, eventsPerSecond: 1_000, splits: 1)).Uid("source")
            .Rebalance()
            .Process(() => new Blocking(blockAt)).Uid("blocking");
    }

    private sealed class Blocking(long blockAt) : ProcessFunction<long, long>
    {
        public override void ProcessElement(long value, ProcessContext context, ICollector<long> output)
        {
            if (value != blockAt) return;
            Entered.Set();
            Release.Wait(TimeSpan.FromMinutes(2)); // the test opens it; the bound only keeps a failed test from hanging the suite
        }
    }
}
