using System.Globalization;
using OrleansFlow.Jobs;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Two connected inputs of different types on a two-silo cluster, keyed and not, against the reference model at p = 1 and p = 3.</summary>
public sealed class ConnectClusterTests : TwoSiloClusterTest
{
    private const long Events1 = 10_000, Events2 = 4_000, Keys = 7;

    private async Task<List<string>> RunAsync(int parallelism, string variant)
    {
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = ConnectJob.Name, Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string>
            {
                ["variant"] = variant, ["events1"] = $"{Events1}", ["events2"] = $"{Events2}", ["keys"] = $"{Keys}", ["output"] = output,
            },
        });
        Assert.True(result.Accepted, result.Message);
        var finished = await JobWaits.WaitForTerminalAsync(Cluster.Client, jobId, TimeSpan.FromSeconds(60));
        Assert.True(finished.Status == JobStatus.Finished, finished.FailureCause);
        var both = finished.Vertices.Single(v => v.Uid == "both");
        Assert.Equal(Events1 + Events2, both.RecordsIn);
        var lines = OutputFiles.ReadResult(output).Order(StringComparer.Ordinal).ToList();
        Directory.Delete(output, recursive: true);
        return lines;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task KeyedCoProcess_WhenBothInputsAreKeyed_SeesEachKeysRecordsOfBothInOneSubtask(int parallelism)
    {
        var expected = Enumerable.Range(0, (int)Keys).Select(k => string.Create(CultureInfo.InvariantCulture,
            $"{k},{Count(Events1, k)},{Sum(Events1, k)},{Count(Events2, k)},{Sum(Events2, k)}")).Order(StringComparer.Ordinal);

        Assert.Equal(expected, await RunAsync(parallelism, "keyed"));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task CoProcess_WhenNotKeyed_SeesEveryRecordOfBothInputsOnce(int parallelism)
    {
        var expected = Enumerable.Range(0, (int)Events1).Select(i => $"a:{i}").Concat(Enumerable.Range(0, (int)Events2).Select(i => $"b:n{i}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(expected, await RunAsync(parallelism, "plain"));
    }

    private static long Count(long events, long key) => Enumerable.Range(0, (int)events).LongCount(i => i % Keys == key);

    private static long Sum(long events, long key) => Enumerable.Range(0, (int)events).Where(i => i % Keys == key).Sum(i => (long)i);
}
