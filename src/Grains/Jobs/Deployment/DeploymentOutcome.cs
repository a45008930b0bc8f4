namespace OrleansFlow.Jobs.Deployment;

/// <summary>How a <see cref="PendingDeployment"/> settled: every task deployed, or the first reason it cannot.</summary>
/// <param name="FailureCause">Null when every task reported itself deployed.</param>
internal sealed record DeploymentOutcome(string? FailureCause)
{
    /// <summary>Every task of the attempt is deployed.</summary>
    public static DeploymentOutcome Deployed { get; } = new((string?)null);

    /// <summary>Whether every task is deployed.</summary>
    public bool Succeeded => FailureCause is null;
}
