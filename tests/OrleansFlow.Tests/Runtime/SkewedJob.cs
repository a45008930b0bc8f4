using OrleansFlow.Api;
using OrleansFlow.Connectors;

namespace OrleansFlow.Tests.Runtime;

/// <summary>
/// An unbounded job with one fast and one slow input to a single task: a source of two splits at the job's parallelism
/// (2), whose subtask reading the odd numbers sleeps 1 ms every 8 records, rebalanced into one merging subtask. The
/// merging task's checkpoint barrier arrives on the fast channel long before the slow one, so its alignment holds the
/// fast channel for most of every checkpoint.
/// </summary>
public sealed class SkewedJob : IStreamJob
{
    public const string Name = "skewed";

    public JobParameters Parameters => JobParameters.None;

    public void Build(StreamJobBuilder builder, JobArguments args) =>
        builder.AddSource(new GeneratorSource<long>(0, i => i, splits: 2)).Uid("source")
            .Map(Slow).Uid("slow-odd")
            .Rebalance()
            .Map(x => x).SetParallelism(1).Uid("merge");

    private static long Slow(long value)
    {
        if (value % 16 == 1) Thread.Sleep(1);
        return value;
    }
}
