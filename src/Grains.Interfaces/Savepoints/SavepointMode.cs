namespace OrleansFlow.Savepoints;

/// <summary>What the job does once its savepoint is taken.</summary>
public enum SavepointMode
{
    /// <summary>Keeps running (<c>POST /jobs/{id}/savepoints</c>).</summary>
    Savepoint,

    /// <summary>Is cancelled once the savepoint completed (<c>"cancelJob":true</c>): CANCELED.</summary>
    CancelWithSavepoint,

    /// <summary>
    /// Stops (<c>POST /jobs/{id}/stop</c>): sources emit nothing after the barrier, sinks commit on completion, and the
    /// job ends FINISHED. With drain, the sources then end their input, so operators flush what end of input makes
    /// them emit before the job finishes.
    /// </summary>
    StopWithSavepoint,

    /// <summary>
    /// Rescales (<c>POST /jobs/{id}/rescaling?parallelism=N</c>): stop with savepoint, then the same job restarts at
    /// <see cref="SavepointRequest.Parallelism"/> from that savepoint, each task reading its key groups and splits.
    /// </summary>
    Rescale,
}
