namespace OrleansFlow.Jobs;

/// <summary>Why a submission was refused.</summary>
public enum SubmitErrorKind
{
    /// <summary>Accepted.</summary>
    None,
    /// <summary>No job is registered under the name.</summary>
    UnknownJob,
    /// <summary>A parameter or argument is invalid.</summary>
    InvalidArgument,
    /// <summary>A job with this id exists already.</summary>
    AlreadyExists,
    /// <summary>The cluster has fewer free task slots than the job needs (409).</summary>
    InsufficientSlots,
    /// <summary>The job's channels need more network memory on a silo than <c>OrleansFlow:NetworkMemory</c> (409).</summary>
    InsufficientNetworkMemory,
}
