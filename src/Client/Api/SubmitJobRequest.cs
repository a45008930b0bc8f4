using System.Text.Json;

namespace OrleansFlow.Client.Api;

/// <summary>The body of <c>POST /jobs</c>.</summary>
public sealed class SubmitJobRequest
{
    /// <summary>The registered job name, e.g. <c>keyed-sum</c>.</summary>
    public string? Job { get; set; }

    /// <summary>The default parallelism; 1 when absent.</summary>
    public int? Parallelism { get; set; }

    /// <summary>The max parallelism; Flink's default rule when absent.</summary>
    public int? MaxParallelism { get; set; }

    /// <summary>Checkpoint settings: <c>intervalMs</c> (0 = off), <c>timeoutMs</c>, <c>minPauseMs</c>, <c>maxConcurrent</c>, <c>tolerableFailures</c>, <c>retained</c>.</summary>
    public Checkpointing.CheckpointingSettings? Checkpointing { get; set; }

    /// <summary>
    /// The restart strategy: <c>kind</c> (<c>FixedDelay</c>, <c>ExponentialBackoff</c>, <c>None</c>), <c>delayMs</c>,
    /// <c>maxAttempts</c> (0 = unlimited), <c>backoffMultiplier</c>, <c>maxDelayMs</c>. Fixed delay of 1 s, unlimited, when absent.
    /// </summary>
    public Jobs.RestartStrategySettings? RestartStrategy { get; set; }

    /// <summary>A savepoint or retained checkpoint folder to start from (a storage path, as the savepoint status's <c>location</c>).</summary>
    public string? SavepointPath { get; set; }

    /// <summary>Drop savepoint state of operators the job does not have instead of refusing the submission.</summary>
    public bool? AllowNonRestoredState { get; set; }

    /// <summary>Job arguments: strings, numbers or booleans.</summary>
    public Dictionary<string, JsonElement>? Args { get; set; }
}
