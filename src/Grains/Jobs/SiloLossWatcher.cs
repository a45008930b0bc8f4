using Microsoft.Extensions.Logging;

namespace OrleansFlow.Jobs;

/// <summary>
/// Watches cluster membership; when a silo is declared dead, tells the job manager of every job that has not ended, all
/// at once (the job manager checks whether its tasks were on it, see <see cref="IJobManagerGrain.SiloLost"/>); ended
/// jobs are not activated for it. Every silo watches, but only
/// the active silo with the lowest address notifies, so each loss is reported about once. Runs from the silo's
/// Active stage until it stops.
/// </summary>
internal sealed partial class SiloLossWatcher(
    IClusterMembershipService membership, ILocalSiloDetails localSilo, IGrainFactory grains, ILogger<SiloLossWatcher> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _loop = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(SiloLossWatcher), ServiceLifecycleStage.Active, OnStart, OnStop);

    private Task OnStart(CancellationToken cancellationToken)
    {
        _loop = Task.Run(WatchAsync);
        return Task.CompletedTask;
    }

    private async Task OnStop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _loop.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private async Task WatchAsync()
    {
        var previous = membership.CurrentSnapshot;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(_stopping.Token))
            {
                var dead = snapshot.CreateUpdate(previous).Changes.Where(c => c.Status == SiloStatus.Dead).Select(c => c.SiloAddress).ToList();
                previous = snapshot;
                if (dead.Count == 0 || !IsNotifier(snapshot)) continue;
                foreach (var silo in dead) await NotifyJobsAsync(silo);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            LogWatchFailed(e);
        }
    }

    /// <summary>Whether this silo is the active one with the lowest address.</summary>
    private bool IsNotifier(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active).Select(m => m.SiloAddress)
            .OrderBy(a => a.ToParsableString(), StringComparer.Ordinal).FirstOrDefault() is { } first && first.Equals(localSilo.SiloAddress);

    private async Task NotifyJobsAsync(SiloAddress silo)
    {
        LogSiloDead(silo.ToString());
        try
        {
            var jobs = await grains.GetGrain<IJobDirectoryGrain>(0).ListActive();
            await Task.WhenAll(jobs.Select(async jobId =>
            {
                try
                {
                    await grains.GetGrain<IJobManagerGrain>(jobId).SiloLost(silo.ToString());
                }
                catch (Exception e)
                {
                    LogNotifyFailed(e, jobId);
                }
            }));
        }
        catch (Exception e)
        {
            LogWatchFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling job {JobId} about a lost silo failed")]
    private partial void LogNotifyFailed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} was declared dead; telling the job managers")]
    private partial void LogSiloDead(string silo);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Watching cluster membership for lost silos failed")]
    private partial void LogWatchFailed(Exception exception);
}
