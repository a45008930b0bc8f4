using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Interval and window joins on a two-silo cluster against a nested-loop reference join, at p = 1 and p = 3.</summary>
public sealed class JoinClusterTests : TwoSiloClusterTest
{
    private const long LeftEvents = 2_000, RightEvents = 1_000, Keys = 5;

    private async Task<List<string>> RunAsync(int parallelism, string variant, long lower = -20, long upper = 30)
    {
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = JoinJob.Name, Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string>
            {
                ["variant"] = variant, ["left"] = $"{LeftEvents}", ["right"] = $"{RightEvents}", ["keys"] = $"{Keys}",
                ["lower"] = $"{lower}", ["upper"] = $"{upper}", ["rightRate"] = "4000", ["output"] = output,
            },
        });
        Assert.True(result.Accepted, result.Message);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));
        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        Assert.Equal(0, finished.Vertices.Sum(v => v.LateRecordsDropped));
        var lines = OutputFiles.ReadResult(output).Order(StringComparer.Ordinal).ToList();
        Directory.Delete(output, recursive: true);
        return lines;
    }

    private static IEnumerable<(OrleansFlow.BuiltIn.WindowSumEvent L, OrleansFlow.BuiltIn.WindowSumEvent R)> Pairs() =>
        from l in Enumerable.Range(0, (int)LeftEvents).Select(i => JoinJob.Left(i, Keys))
        from r in Enumerable.Range(0, (int)RightEvents).Select(j => JoinJob.Right(j, Keys))
        where l.Key == r.Key
        select (l, r);

    [Theory]
    [InlineData(1, -20, 30)]
    [InlineData(3, -20, 30)]
    [InlineData(3, 5, 40)]
    public async Task IntervalJoin_WhenBothSidesHaveEventTime_EmitsEveryPairWithinTheBoundsOnce(int parallelism, long lower, long upper)
    {
        var expected = Pairs().Where(p => p.R.Time >= p.L.Time + lower && p.R.Time <= p.L.Time + upper)
            .Select(p => JoinJob.Line(p.L.Key, p.L.Value, p.R.Value)).Order(StringComparer.Ordinal).ToList();

        var lines = await RunAsync(parallelism, "interval", lower, upper);

        Assert.True(expected.Count > 1_000, $"the bounds should join many pairs, got {expected.Count}");
        Assert.Equal(expected, lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task WindowJoin_WhenTumbling_EmitsEveryPairOfAKeyInTheSameWindowOnce(int parallelism)
    {
        static long Window(long time) => time - time % JoinJob.WindowMs;
        var expected = Pairs().Where(p => Window(p.L.Time) == Window(p.R.Time))
            .Select(p => JoinJob.Line(p.L.Key, p.L.Value, p.R.Value)).Order(StringComparer.Ordinal).ToList();

        var lines = await RunAsync(parallelism, "window");

        Assert.True(expected.Count > 1_000, $"the windows should join many pairs, got {expected.Count}");
        Assert.Equal(expected, lines);
    }
}
