namespace OrleansFlow.Jobs;

/// <summary>A job's lifecycle, with Flink's status names.</summary>
public enum JobStatus
{
    /// <summary>Submitted, not yet deployed.</summary>
    Created,
    /// <summary>Tasks deployed and processing.</summary>
    Running,
    /// <summary>Every task ended after its input ended. Terminal.</summary>
    Finished,
    /// <summary>Cancel requested; tasks are being stopped.</summary>
    Canceling,
    /// <summary>Cancelled by a user. Terminal.</summary>
    Canceled,
    /// <summary>A task failed; tasks are being stopped.</summary>
    Failing,
    /// <summary>Failed for good; see the failure cause. Terminal.</summary>
    Failed,
    /// <summary>Being redeployed after a failure.</summary>
    Restarting,
}
