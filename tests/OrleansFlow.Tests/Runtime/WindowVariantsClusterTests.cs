using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Window functions, triggers and lateness on a two-silo cluster against the reference model, at p = 1 and p = 3.</summary>
public sealed class WindowVariantsClusterTests : TwoSiloClusterTest
{
    private const long Events = 5_000, Keys = 7, Disorder = 100;

    private async Task<(List<string> Lines, JobDetails Details)> RunAsync(int parallelism, string variant, long bound = Disorder, long lateness = 0, string? lateOutput = null)
    {
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = WindowVariantsJob.Name, Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string>
            {
                ["variant"] = variant, ["events"] = $"{Events}", ["keys"] = $"{Keys}", ["disorderMs"] = $"{Disorder}",
                ["boundMs"] = $"{bound}", ["latenessMs"] = $"{lateness}", ["output"] = output, ["lateOutput"] = lateOutput ?? "",
            },
        });
        Assert.True(result.Accepted, result.Message);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));
        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        var lines = OutputFiles.ReadResult(output).Order(StringComparer.Ordinal).ToList();
        Directory.Delete(output, recursive: true);
        return (lines, finished);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Reduce_WhenTumbling_EqualsTheReference(int parallelism) =>
        Assert.Equal(WindowVariantsExpected.Reduce(Events, Keys, Disorder), (await RunAsync(parallelism, "reduce")).Lines);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Process_WhenTumbling_SeesEveryElementOfEachWindow(int parallelism) =>
        Assert.Equal(WindowVariantsExpected.Process(Events, Keys, Disorder), (await RunAsync(parallelism, "process")).Lines);

    [Theory]
    [InlineData(1, "count", false)]
    [InlineData(3, "count", false)]
    [InlineData(1, "count-purge", true)]
    [InlineData(3, "count-purge", true)]
    public async Task CountTrigger_WhenOnGlobalWindows_FiresEveryFifthElementOfAKey(int parallelism, string variant, bool purge) =>
        Assert.Equal(WindowVariantsExpected.Counted(Events, Keys, purge), (await RunAsync(parallelism, variant)).Lines);

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(1, 40)]
    [InlineData(3, 40)]
    public async Task AllowedLateness_WhenEventsArriveAfterTheWatermark_FiresLateWithinItAndDropsAfter(int parallelism, long lateness)
    {
        var expected = WindowVariantsExpected.Late(Events, Keys, Disorder, bound: 20, lateness, out var dropped);

        var (lines, details) = await RunAsync(parallelism, "late", bound: 20, lateness);

        Assert.True(dropped > 0, "the bound must make some events late beyond the lateness");
        Assert.Equal(expected, lines);
        var window = details.Vertices.Single(v => v.Operators.Contains("window"));
        Assert.Equal(dropped, window.LateRecordsDropped);
        Assert.Equal(dropped, window.Subtasks.Sum(s => s.LateRecordsDropped));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(3, 0)]
    [InlineData(3, 40)]
    public async Task SideOutputLateData_WhenEventsArriveTooLate_SendsExactlyTheDroppedOnesToTheSideOutput(int parallelism, long lateness)
    {
        var expected = WindowVariantsExpected.Late(Events, Keys, Disorder, bound: 20, lateness, out _, out var lateLines);
        var lateOutput = OutputFiles.NewDirectory();

        var (lines, details) = await RunAsync(parallelism, "late-side", bound: 20, lateness, lateOutput);

        Assert.NotEmpty(lateLines);
        Assert.Equal(expected, lines);
        Assert.Equal(lateLines, OutputFiles.ReadResult(lateOutput).Order(StringComparer.Ordinal));
        Assert.Equal(0, details.Vertices.Sum(v => v.LateRecordsDropped)); // sent to the side output, not dropped
        Directory.Delete(lateOutput, recursive: true);
    }
}
