using Microsoft.Extensions.Configuration;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrleansFlow.Checkpointing;
using OrleansFlow.Hosting;
using OrleansFlow.Jobs;

namespace OrleansFlow.Bench.Checkpoints;

/// <summary>
/// One in-process silo with OrleansFlow (default settings), the bench's <see cref="StateFillJob"/> and a given
/// <see cref="BenchStorage"/>, with the calls the checkpoint benchmarks make on the job manager and the checkpoint
/// coordinator grains.
/// </summary>
public sealed class BenchSilo : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchSilo(IHost host)
    {
        _host = host;
        Grains = host.Services.GetRequiredService<IGrainFactory>();
    }

    /// <summary>The silo's grain factory.</summary>
    public IGrainFactory Grains { get; }

    /// <summary>Starts a silo on free ports that stores its checkpoints in <paramref name="storage"/>.</summary>
    public static async Task<BenchSilo> StartAsync(BenchStorage storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Watchdog", LogLevel.Error); // spurious stalls while both cores are saturated
        builder.UseOrleans(silo =>
        {
            // Runtime options from the environment as in the silo (e.g. OrleansFlow__SourceSlice=00:00:00.010), to try settings.
            silo.UseLocalhostClustering(FreePort(), FreePort())
                .AddOrleansFlow(o => builder.Configuration.GetSection("OrleansFlow").Bind(o))
                .AddStreamJob<StateFillJob>(StateFillJob.Name);
            storage.Configure(silo);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new BenchSilo(host);
    }

    /// <summary>Submits <paramref name="spec"/> under a new job id; throws when it is refused.</summary>
    public async Task<string> SubmitAsync(JobSpec spec)
    {
        var jobId = Guid.NewGuid().ToString("N");
        var result = await Grains.GetGrain<IJobManagerGrain>(jobId).Submit(spec);
        if (!result.Accepted) throw new InvalidOperationException($"Job {spec.JobName} refused: {result.Message}");
        return jobId;
    }

    /// <summary>Polls the job every <paramref name="poll"/> until <paramref name="condition"/> holds; throws when it ends otherwise or times out.</summary>
    public async Task<JobDetails> WaitForJobAsync(string jobId, Func<JobDetails, bool> condition, TimeSpan poll, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var details = await Grains.GetGrain<IJobManagerGrain>(jobId).GetDetails()
                ?? throw new InvalidOperationException($"Job {jobId} does not exist.");
            if (condition(details)) return details;
            if (details.Status.IsTerminal())
                throw new InvalidOperationException($"Job {jobId} ended {details.Status}: {details.FailureCause}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId} is {details.Status} after {timeout}.");
            await Task.Delay(poll);
        }
    }

    /// <summary>Triggers one checkpoint (once none is in progress) and waits until it completed; throws when it failed.</summary>
    public async Task<CheckpointDetails> CheckpointAsync(string jobId, TimeSpan timeout)
    {
        var coordinator = Grains.GetGrain<ICheckpointCoordinatorGrain>(jobId);
        var deadline = DateTime.UtcNow + timeout;
        long? id;
        while ((id = await coordinator.Trigger()) is null)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId}: no checkpoint could be triggered within {timeout}.");
            await Task.Delay(10);
        }
        while (true)
        {
            var details = await coordinator.GetDetails(id.Value)
                ?? throw new InvalidOperationException($"Job {jobId}: checkpoint {id} is not in the history.");
            switch (details.Summary.Status)
            {
                case "COMPLETED":
                    return details;
                case "FAILED":
                    throw new InvalidOperationException($"Job {jobId}: checkpoint {id} failed: {details.Summary.FailureMessage}");
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Job {jobId}: checkpoint {id} not complete within {timeout}.");
            await Task.Delay(10);
        }
    }

    /// <summary>The job's checkpoint statistics.</summary>
    public Task<CheckpointStats> GetCheckpointStatsAsync(string jobId) => Grains.GetGrain<ICheckpointCoordinatorGrain>(jobId).GetStats();

    /// <summary>Cancels the job and waits until it is terminal.</summary>
    public async Task CancelAsync(string jobId)
    {
        await Grains.GetGrain<IJobManagerGrain>(jobId).Cancel();
        await WaitForJobAsync(jobId, d => d.Status.IsTerminal(), TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(2));
    }

    /// <summary>Stops the silo.</summary>
    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
