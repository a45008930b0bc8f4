namespace OrleansFlow.Client.Api.Health;

/// <summary>
/// The tags that select health checks for the probe routes: <c>GET /healthz</c> runs the <see cref="Live"/> checks (none
/// today: answering at all means the process is alive), <c>GET /healthz/ready</c> the <see cref="Ready"/> ones.
/// </summary>
public static class ApiHealthTags
{
    /// <summary>Checks of <c>GET /healthz</c>: the process is alive.</summary>
    public const string Live = "live";

    /// <summary>Checks of <c>GET /healthz/ready</c>: the process can serve requests (cluster joined, storage answering).</summary>
    public const string Ready = "ready";
}
