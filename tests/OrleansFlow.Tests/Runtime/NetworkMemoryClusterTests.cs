using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OrleansFlow.Jobs;
using OrleansFlow.Network;

namespace OrleansFlow.Tests.Runtime;

/// <summary>Network memory bounds the output buffers of a silo's tasks, and a job stays exact when its channels must wait for it.</summary>
public sealed class NetworkMemoryClusterTests
{
    private const int BatchSize = 256;
    private const long KeyedSumBuffer = BatchSize * (16 + sizeof(int)); // a KeyedSumEvent is two longs; a keyBy edge ships key groups

    private static async Task<(JobDetails Details, Dictionary<long, long> Result)> RunKeyedSumAsync(InProcessTestCluster cluster, int parallelism, long events, long keys)
    {
        var output = OutputFiles.NewDirectory();
        var jobId = Guid.NewGuid().ToString("N");
        var result = await cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
        {
            JobName = "keyed-sum", Parallelism = parallelism, MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = $"{events}", ["keys"] = $"{keys}", ["output"] = output },
        });
        Assert.True(result.Accepted, result.Message);
        var details = await JobWaits.WaitForTerminalAsync(cluster.Client, jobId);
        var pairs = OutputFiles.ParsePairs(OutputFiles.ReadResult(output));
        Directory.Delete(output, recursive: true);
        return (details, pairs);
    }

    private static NetworkBufferPool PoolOf(InProcessTestCluster cluster) => cluster.Silos[0].ServiceProvider.GetRequiredService<NetworkBufferPool>();

    [Fact]
    public async Task KeyedSum_WhenAllToAllAtParallelism8_NeverHoldsMoreThanTheBound()
    {
        const long capacity = 32 * KeyedSumBuffer; // 64 channels: less than one buffer each beyond the reservations
        var cluster = await TestClusters.StartAsync(silos: 1, configure: o => { o.NetworkMemory = capacity; o.BatchSize = BatchSize; });
        try
        {
            const long events = 400_000, keys = 5_000;
            var (details, result) = await RunKeyedSumAsync(cluster, parallelism: 8, events, keys);

            Assert.Equal(JobStatus.Finished, details.Status);
            Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), result);
            var pool = PoolOf(cluster);
            Assert.True(pool.Peak <= capacity, $"peak {pool.Peak} > {capacity}");
            Assert.True(pool.Peak > capacity / 2, $"peak {pool.Peak}: the bound was never approached, so it was not tested");
            Assert.Equal(0, pool.OverdraftPeak);
            Assert.Equal(0, pool.Used); // every reservation and lease came back
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task KeyedSum_WhenThePoolHoldsLittleMoreThanTheReservations_ChannelsWaitAndTheResultIsExact()
    {
        const long capacity = 4 * KeyedSumBuffer + KeyedSumBuffer / 2; // the 4 sources' reservations and half a buffer
        var cluster = await TestClusters.StartAsync(silos: 1, configure: o => { o.NetworkMemory = capacity; o.BatchSize = BatchSize; });
        try
        {
            const long events = 200_000, keys = 1_000;
            var (details, result) = await RunKeyedSumAsync(cluster, parallelism: 4, events, keys);

            Assert.Equal(JobStatus.Finished, details.Status);
            Assert.Equal(OutputFiles.ExpectedKeyedSum(events, keys), result);
            var pool = PoolOf(cluster);
            Assert.True(pool.Waits > 0, "no channel ever waited for network memory");
            Assert.True(pool.Peak <= capacity, $"peak {pool.Peak} > {capacity}");
            Assert.Equal(0, pool.OverdraftPeak);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task Submit_WhenTheReservationsExceedTheSilosNetworkMemory_IsRefusedWithTheFigureAndStartsNothing()
    {
        var cluster = await TestClusters.StartAsync(silos: 1, configure: o => { o.NetworkMemory = 8 * KeyedSumBuffer - 1; o.BatchSize = BatchSize; });
        try
        {
            var jobId = Guid.NewGuid().ToString("N");
            var output = Path.Combine(Path.GetTempPath(), "orleansflow-tests", Guid.NewGuid().ToString("N"));

            var result = await cluster.Client.GetGrain<IJobManagerGrain>(jobId).Submit(new JobSpec
            {
                JobName = "keyed-sum", Parallelism = 8, MaxParallelism = 128,
                Args = new Dictionary<string, string> { ["events"] = "1000", ["output"] = output },
            });

            Assert.Equal(SubmitErrorKind.InsufficientNetworkMemory, result.Error);
            Assert.Contains("needs 40 KiB on one silo", result.Message, StringComparison.Ordinal);
            Assert.Contains("64 channels", result.Message, StringComparison.Ordinal);
            Assert.Null(await cluster.Client.GetGrain<IJobManagerGrain>(jobId).GetDetails());
            Assert.Equal(8, (await cluster.Client.GetGrain<OrleansFlow.Resources.ISlotManagerGrain>(0).GetOverview()).Available); // its slots were given back
            Assert.False(Directory.Exists(output));
            Assert.Equal(0, PoolOf(cluster).Peak);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
    }
}
