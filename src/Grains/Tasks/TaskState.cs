namespace OrleansFlow.Tasks;

/// <summary>A task activation's lifecycle.</summary>
internal enum TaskState
{
    /// <summary>Activated but never deployed: holds no state and refuses work (invariant 4).</summary>
    NotDeployed,
    /// <summary>Deployed for an attempt, operators open, waiting for input or start.</summary>
    Deployed,
    /// <summary>A source that was started and is reading.</summary>
    Running,
    /// <summary>A source that emitted a stop-with-savepoint barrier: reads nothing more until it is cancelled or told to finish (drain).</summary>
    Paused,
    /// <summary>Input ended and output was flushed. Terminal for the attempt.</summary>
    Finished,
    /// <summary>Cancelled by the job manager. Terminal for the attempt.</summary>
    Canceled,
    /// <summary>Failed; the job manager was told. Terminal for the attempt.</summary>
    Failed,
}
