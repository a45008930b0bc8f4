namespace OrleansFlow.Savepoints;

/// <summary>Why a savepoint request was refused.</summary>
public enum SavepointRefusal
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>No such job (404).</summary>
    UnknownJob,

    /// <summary>The job is not running, or another stop is in progress (409).</summary>
    NotRunning,

    /// <summary>The request is invalid, e.g. its target directory (400).</summary>
    InvalidArgument,

    /// <summary>A rescale needs more task slots than the cluster has free (409).</summary>
    InsufficientSlots,

    /// <summary>A rescale whose channels would need more network memory on a silo than <c>OrleansFlow:NetworkMemory</c> (409).</summary>
    InsufficientNetworkMemory,
}
