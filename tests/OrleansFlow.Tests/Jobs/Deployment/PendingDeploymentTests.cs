using OrleansFlow.Jobs.Deployment;
using OrleansFlow.Tasks;

namespace OrleansFlow.Tests.Jobs.Deployment;

public sealed class PendingDeploymentTests
{
    private static readonly TaskId A = new("job", 0, 0);
    private static readonly TaskId B = new("job", 0, 1);

    private static PendingDeployment Deploying(params TaskId[] tasks) =>
        new(3, DeploymentKind.Restart, tasks, ["silo-a", "silo-b"], restore: null, restoredFrom: null);

    [Fact]
    public async Task Deployed_WhenEveryTaskReported_SettlesOnceAsDeployed()
    {
        var pending = Deploying(A, B);

        Assert.False(pending.Deployed(A));
        Assert.False(pending.Deployed(A)); // a repeated report changes nothing
        Assert.Null(pending.Outcome);
        Assert.True(pending.Deployed(B));

        Assert.True((await pending.Settled).Succeeded);
        Assert.Empty(pending.Waiting);
    }

    [Fact]
    public void Failed_WhenATaskCannotDeploy_SettlesAsFailedNamingTheAttemptAndIgnoresLaterReports()
    {
        var pending = Deploying(A, B);

        Assert.True(pending.Failed(A, "task sum[0]: InvalidDataException: bad state"));
        Assert.False(pending.Deployed(B));
        Assert.False(pending.Failed(B, "another"));

        Assert.Equal("Deployment of attempt 3 failed: task sum[0]: InvalidDataException: bad state", pending.Outcome!.FailureCause);
    }

    [Fact]
    public void Deployed_WhenTheTaskIsNotPartOfIt_IsIgnored()
    {
        var pending = Deploying(A);

        Assert.False(pending.Deployed(B));
        Assert.False(pending.Failed(B, "not mine"));

        Assert.Null(pending.Outcome);
    }

    [Fact]
    public void SiloLost_WhenTheSiloHoldsOneOfItsSlots_Fails()
    {
        var pending = Deploying(A, B);

        Assert.False(pending.SiloLost("silo-c"));
        Assert.Null(pending.Outcome);
        Assert.True(pending.SiloLost("silo-b"));

        Assert.Contains("silo silo-b", pending.Outcome!.FailureCause, StringComparison.Ordinal);
    }

    [Fact]
    public void TimedOut_WhenTasksHaveNotReported_FailsNamingThemAndTheSetting()
    {
        var pending = Deploying(A, B);
        pending.Deployed(A);

        Assert.True(pending.TimedOut(TimeSpan.FromMinutes(10)));

        Assert.Contains("1 of 2 tasks", pending.Outcome!.FailureCause, StringComparison.Ordinal);
        Assert.Contains("OrleansFlow:DeploymentTimeout", pending.Outcome.FailureCause, StringComparison.Ordinal);
        Assert.Contains(B.ToString(), pending.Outcome.FailureCause, StringComparison.Ordinal);
    }

    [Fact]
    public void TimedOut_WhenAlreadySettled_ChangesNothing()
    {
        var pending = Deploying(A);
        pending.Deployed(A);

        Assert.False(pending.TimedOut(TimeSpan.FromSeconds(1)));

        Assert.True(pending.Outcome!.Succeeded);
    }
}
