using System.Globalization;
using OrleansFlow.Checkpointing;
using OrleansFlow.Client.Api;
using OrleansFlow.Jobs;

namespace OrleansFlow.Silo;

/// <summary>
/// With <c>--demo</c>: submits an unbounded <c>keyed-sum</c> when the silo has started and prints its progress
/// (records/s and per-vertex counts) every two seconds.
/// </summary>
internal sealed partial class DemoJobService(
    IGrainFactory grains, IHostApplicationLifetime lifetime, Microsoft.Extensions.Configuration.IConfiguration configuration, ILogger<DemoJobService> logger) : BackgroundService
{
    /// <summary>The demo job's id.</summary>
    public const string DemoJobId = "00000000000000000000000000000de0";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        // One demo job id: after a restart (or a crash) the same job resumes from its latest checkpoint in ./data.
        var jobId = DemoJobId;
        var existing = await grains.GetGrain<IJobManagerGrain>(jobId).GetDetails();
        if (existing is not null && existing.Status.IsTerminal()) jobId = JobIds.New();
        var spec = new JobSpec
        {
            JobName = "keyed-sum",
            Parallelism = 2,
            MaxParallelism = 128,
            Args = new Dictionary<string, string> { ["events"] = "0", ["keys"] = "10000", ["rate"] = "1000000" },
            Checkpointing = new CheckpointingSettings { IntervalMs = 2000 },
        };
        var result = await grains.GetGrain<IJobManagerGrain>(jobId).Submit(spec);
        if (result.Error == SubmitErrorKind.AlreadyExists)
        {
            Console.WriteLine($"Demo job keyed-sum {jobId} found in storage: resuming it from its latest checkpoint.");
        }
        else if (!result.Accepted)
        {
            LogRefused(result.Message ?? "?");
            return;
        }
        else
        {
            Console.WriteLine($"Demo job keyed-sum submitted: {jobId}  (REST: curl {(configuration["Urls"] ?? "http://127.0.0.1:8081").Split(';')[0].TrimEnd('/')}/jobs/{jobId})");
        }

        long lastIn = 0;
        var lastTime = DateTimeOffset.UtcNow;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(2));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var details = await grains.GetGrain<IJobManagerGrain>(jobId).GetDetails();
            if (details is null) continue;
            var now = DateTimeOffset.UtcNow;
            var sink = details.Vertices.LastOrDefault();
            var recordsIn = sink?.RecordsIn ?? 0;
            var rate = (recordsIn - lastIn) / Math.Max(0.001, (now - lastTime).TotalSeconds);
            (lastIn, lastTime) = (recordsIn, now);
            var vertices = string.Join("  ", details.Vertices.Select(v =>
                string.Create(CultureInfo.InvariantCulture, $"{v.Uid}[p={v.Parallelism}] in={v.RecordsIn:N0} out={v.RecordsOut:N0}")));
            var checkpoints = await grains.GetGrain<ICheckpointCoordinatorGrain>(jobId).GetStats();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{details.Status.ToFlinkName()} attempt {details.Attempt}] {rate:N0} records/s   {vertices}   checkpoints completed={checkpoints.Completed}"));
            if (details.Status.IsTerminal()) break;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The demo job was refused: {Reason}")]
    private partial void LogRefused(string reason);
}
