using OrleansFlow.Api.Graph;

namespace OrleansFlow.Jobs;

/// <summary>The job manager's commit of the exactly-once sinks' last transactions (end of a bounded job, or a stop with savepoint).</summary>
internal sealed partial class JobManagerGrain
{
    /// <summary>
    /// Every task finished: publishes the exactly-once sinks' last transactions (and any earlier ones whose checkpoint
    /// never completed). Retried a few times; a job whose output cannot be committed is FAILED, with the transactions
    /// kept in <c>job.json</c>. Returns whether everything was committed.
    /// </summary>
    private async Task<bool> CommitFinalAsync()
    {
        var sinks = _graph!.Vertices.SelectMany(v => v.Chain).OfType<ISinkTransformation>().ToDictionary(s => s.Uid, StringComparer.Ordinal);
        for (var round = 1; ; round++)
        {
            try
            {
                foreach (var group in _finalCommittables.GroupBy(c => c.OperatorUid, StringComparer.Ordinal))
                {
                    var sink = sinks.GetValueOrDefault(group.Key)?.TwoPhaseCommitSink
                        ?? throw new InvalidOperationException($"The job has no exactly-once sink '{group.Key}' to commit {group.Count()} transactions of.");
                    await sink.CreateCommitter(JobId, group.Key).CommitAsync(group.Select(c => c.Payload).ToList());
                }
                LogFinalCommit(JobId, _finalCommittables.Count);
                _finalCommittables.Clear();
                return true;
            }
            catch (Exception e) when (round < FinalCommitAttempts)
            {
                LogFinalCommitRetry(e, JobId, round);
                await Task.Delay(TimeSpan.FromSeconds(round), timeProvider);
            }
            catch (Exception e)
            {
                var cause = $"Committing the output of the finished job failed {round} times: {e.GetType().Name}: {e.Message}";
                _status = JobStatus.Failed;
                _failureCause = cause;
                _endTime = timeProvider.GetUtcNow();
                LogFailing(JobId, cause);
                await SaveAsync(_finalCommittables.ToList());
                return false;
            }
        }
    }

    private async Task CommitFinalOnActivationAsync(CancellationToken _)
    {
        var timer = _restartTimer;
        _restartTimer = null;
        try
        {
            _status = JobStatus.Running;
            if (await CommitFinalAsync()) await TerminateAsync(JobStatus.Finished);
        }
        finally
        {
            timer?.Dispose();
        }
    }
}
