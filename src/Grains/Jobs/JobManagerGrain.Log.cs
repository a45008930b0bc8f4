using Microsoft.Extensions.Logging;
using OrleansFlow.Tasks;

namespace OrleansFlow.Jobs;

/// <summary>The job manager's log messages.</summary>
internal sealed partial class JobManagerGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} submitted: {Name}, parallelism {Parallelism}, max parallelism {MaxParallelism}")]
    private partial void LogSubmitted(string jobId, string name, int parallelism, int maxParallelism);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} restarting (restart {Restart}) in {DelayMs} ms after: {Cause}")]
    private partial void LogRestarting(string jobId, int restart, double delayMs, string cause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} was {Status} in attempt {Attempt} when its job manager was lost; resuming from its latest checkpoint")]
    private partial void LogResuming(string jobId, string status, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "The job file of job {JobId} cannot be read")]
    private partial void LogUnreadableJob(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} had finished and was committing {Count} sink transactions when its job manager was lost; committing them again")]
    private partial void LogResumingFinalCommit(string jobId, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: committed the {Count} last sink transactions")]
    private partial void LogFinalCommit(string jobId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: committing the last sink transactions failed (round {Round}); retrying")]
    private partial void LogFinalCommitRetry(Exception exception, string jobId, int round);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: silo {Silo} left the cluster with {Count} of its tasks")]
    private partial void LogSiloLost(string jobId, string silo, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: rescaling to parallelism {Parallelism} from savepoint {Folder}")]
    private partial void LogRescaling(string jobId, int parallelism, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: savepoint {CheckpointId} triggered ({Mode}) into {Folder}")]
    private partial void LogSavepointTriggered(string jobId, long checkpointId, string mode, string folder);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId}: savepoint {CheckpointId} completed in {Folder}")]
    private partial void LogSavepointCompleted(string jobId, long checkpointId, string folder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: savepoint {CheckpointId} failed: {Cause}")]
    private partial void LogSavepointFailed(string jobId, long checkpointId, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} canceling")]
    private partial void LogCanceling(string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} failing: {Cause}")]
    private partial void LogFailing(string jobId, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} is {Status}")]
    private partial void LogTerminal(string jobId, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cancelling task {Task} failed")]
    private partial void LogCancelTaskFailed(Exception exception, TaskId task);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: telling the job directory that the job ended failed")]
    private partial void LogDirectoryFailed(Exception exception, string jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId}: releasing its task slots failed")]
    private partial void LogSlotReleaseFailed(Exception exception, string jobId);
}
