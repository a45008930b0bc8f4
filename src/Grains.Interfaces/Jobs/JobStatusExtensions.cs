namespace OrleansFlow.Jobs;

/// <summary>Helpers over <see cref="JobStatus"/>.</summary>
public static class JobStatusExtensions
{
    /// <summary>Whether no further transition can happen.</summary>
    public static bool IsTerminal(this JobStatus status) =>
        status is JobStatus.Finished or JobStatus.Canceled or JobStatus.Failed;

    /// <summary>Flink's upper-case name (<c>RUNNING</c>).</summary>
    public static string ToFlinkName(this JobStatus status) => status.ToString().ToUpperInvariant();
}
