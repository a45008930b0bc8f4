using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansFlow.Hosting;
using OrleansFlow.Jobs;

namespace OrleansFlow.Bench;

/// <summary>
/// The product: the built-in <c>keyed-sum</c> job at a given parallelism in one in-process silo, no sink output.
/// Timed from submission to the job's end time (<see cref="TimedJobRun"/>); verified by the per-vertex record counts (exact sums are what the tests check).
/// </summary>
public sealed class OrleansFlowKeyedSumBenchmark(int parallelism, int? batchSize = null, int? window = null) : IBenchmark, IAsyncDisposable
{
    private IHost? _host;

    public string Name => $"orleansflow-p{parallelism}" + (batchSize is null ? "" : $"-b{batchSize}") + (window is null ? "" : $"-w{window}");

    public async Task<BenchmarkResult> RunAsync(BenchOptions options)
    {
        _host ??= await StartSiloAsync(batchSize, window);
        var grains = _host.Services.GetRequiredService<IGrainFactory>();
        var jobId = Guid.NewGuid().ToString("N");
        var spec = new JobSpec
        {
            JobName = "keyed-sum",
            Parallelism = parallelism,
            MaxParallelism = 128,
            Args = new Dictionary<string, string>
            {
                ["events"] = options.Events.ToString(CultureInfo.InvariantCulture),
                ["keys"] = options.Keys.ToString(CultureInfo.InvariantCulture),
            },
        };
        var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var (details, seconds) = await TimedJobRun.RunAsync(grains, jobId, spec, TimeSpan.FromMinutes(30));
        if (Environment.GetEnvironmentVariable("ORLEANSFLOW_GCSTATS") == "1")
            Console.Error.WriteLine($"{Name}: gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}, pause {(GC.GetTotalPauseDuration() - gcBefore.Item4).TotalMilliseconds:F0} ms of {seconds * 1000:F0} ms");
        if (details.Status != JobStatus.Finished) throw new InvalidOperationException($"{Name}: job ended {details.Status}: {details.FailureCause}");
        var source = details.Vertices.Single(v => v.Uid == "source");
        var sum = details.Vertices.Single(v => v.Uid == "sum");
        if (source.RecordsOut != options.Events || sum.RecordsIn != options.Events)
            throw new InvalidOperationException($"{Name}: source emitted {source.RecordsOut}, sum received {sum.RecordsIn}, expected {options.Events}.");
        return new BenchmarkResult(Name, options.Events, seconds);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is null) return;
        await _host.StopAsync();
        _host.Dispose();
        _host = null;
    }

    private static async Task<IHost> StartSiloAsync(int? batchSize, int? window)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error);
        builder.UseOrleans(silo => silo.UseLocalhostClustering(FreePort(), FreePort()).AddOrleansFlow(o =>
        {
            if (batchSize is { } b) o.BatchSize = b;
            if (window is { } w) o.ChannelWindow = w;
        }));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
