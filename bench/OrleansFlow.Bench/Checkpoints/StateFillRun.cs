using System.Diagnostics;
using System.Globalization;
using OrleansFlow.Checkpointing;
using OrleansFlow.Jobs;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// What the state-size benchmarks do around their measurement: start <see cref="StateFillJob"/> with about a target
/// number of state bytes (periodic checkpoints off, no restarts) and wait until every key is in the state; settle the
/// process before a timed step; time a step.
/// </summary>
internal static class StateFillRun
{
    /// <summary>Submits the job at <paramref name="parallelism"/> and waits until it holds all its keys; returns its id.</summary>
    public static async Task<string> StartFilledAsync(
        BenchSilo silo, long target, int payload, int parallelism, TimeSpan timeout, TextWriter output, string label, string name)
    {
        var keys = Math.Max(1, (long)Math.Round((double)target / (payload + CheckpointDurationBenchmark.EntryOverhead)));
        var fill = Stopwatch.StartNew();
        var jobId = await silo.SubmitAsync(new JobSpec
        {
            JobName = StateFillJob.Name,
            Parallelism = parallelism,
            MaxParallelism = 128,
            Args = StateFillJob.Arguments(keys, payload),
            Checkpointing = new CheckpointingSettings { IntervalMs = 0, Retained = 1, TimeoutMs = (long)timeout.TotalMilliseconds },
            RestartStrategy = new RestartStrategySettings { Kind = RestartStrategyKind.None },
        });
        try
        {
            await silo.WaitForJobAsync(jobId,
                d => d.Status == JobStatus.Running && d.Vertices.Single(v => v.Uid == StateFillJob.StateUid).RecordsIn == keys,
                TimeSpan.FromMilliseconds(50), timeout);
        }
        catch
        {
            await silo.CancelAsync(jobId);
            throw;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label} {name}: {keys:N0} keys filled in {fill.Elapsed.TotalSeconds:0.0} s"));
        return jobId;
    }

    /// <summary>
    /// Before each timed step: a full blocking GC, then a short pause so the previous step's cleanup (e.g. the coordinator
    /// deleting the checkpoint a new one subsumed) is over.
    /// </summary>
    public static async Task SettleAsync()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        await Task.Delay(TimeSpan.FromMilliseconds(200));
    }

    /// <summary>Seconds <paramref name="step"/> takes.</summary>
    public static async Task<double> TimeAsync(Func<Task> step)
    {
        var watch = Stopwatch.StartNew();
        await step();
        return watch.Elapsed.TotalSeconds;
    }
}
