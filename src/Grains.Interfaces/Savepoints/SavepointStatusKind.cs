namespace OrleansFlow.Savepoints;

/// <summary>The stage of a savepoint operation.</summary>
public enum SavepointStatusKind
{
    /// <summary>Being taken.</summary>
    InProgress,

    /// <summary>Complete at its location.</summary>
    Completed,

    /// <summary>Failed; nothing was kept.</summary>
    Failed,
}
