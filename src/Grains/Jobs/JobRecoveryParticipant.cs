using Microsoft.Extensions.Logging;

namespace OrleansFlow.Jobs;

/// <summary>
/// When a silo becomes active, activates the job manager of every job in storage, so that jobs that were running
/// before a crash or restart resume from their latest checkpoint without anyone resubmitting them.
/// </summary>
internal sealed partial class JobRecoveryParticipant(JobStore store, IGrainFactory grains, ILogger<JobRecoveryParticipant> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(JobRecoveryParticipant), ServiceLifecycleStage.Active, OnActive);

    private Task OnActive(CancellationToken cancellationToken)
    {
        _ = ResumeAllAsync(); // in the background: silo start-up must not wait for storage
        return Task.CompletedTask;
    }

    private async Task ResumeAllAsync()
    {
        try
        {
            foreach (var id in await store.ListJobIdsAsync())
            {
                try
                {
                    await grains.GetGrain<IJobManagerGrain>(id).Resume();
                }
                catch (Exception e)
                {
                    LogResumeFailed(e, id);
                }
            }
        }
        catch (Exception e)
        {
            LogResumeFailed(e, "*");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resuming job {JobId} at silo start failed")]
    private partial void LogResumeFailed(Exception exception, string jobId);
}
