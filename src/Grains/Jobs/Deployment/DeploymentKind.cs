namespace OrleansFlow.Jobs.Deployment;

/// <summary>Why the job manager deploys an attempt; decides what a failed deployment leads to.</summary>
internal enum DeploymentKind
{
    /// <summary>The first attempt of a submission without a savepoint: a failure goes through the restart strategy.</summary>
    Submission,

    /// <summary>
    /// The first attempt of a submission from a savepoint: a failure reported while the submission still waits refuses
    /// it (nothing stays); one reported later goes through the restart strategy.
    /// </summary>
    SubmissionFromSavepoint,

    /// <summary>A restart after a failure, from the latest checkpoint: a failure goes through the restart strategy.</summary>
    Restart,

    /// <summary>A rescale from its savepoint: a failure fails the rescale, then goes through the restart strategy.</summary>
    Rescale,
}
