using OrleansFlow.Savepoints;

namespace OrleansFlow.Tests.Savepoints;

public sealed class SavepointOperationsTests
{
    [Fact]
    public void Completed_WhenSavepointInProgress_ReportsItWithItsLocation()
    {
        var operations = new SavepointOperations();
        operations.Started("t1", checkpointId: 7, SavepointMode.Savepoint, drain: false);

        var done = operations.Completed(7, "savepoints/sp-1");

        Assert.Equal(SavepointStatusKind.Completed, done?.Status.Status);
        Assert.Equal("savepoints/sp-1", operations.Get("t1")?.Location);
        Assert.Null(operations.Completed(7, "savepoints/sp-1")); // once
    }

    [Fact]
    public void Recent_WhenMoreOperationsThanAsked_ReturnsTheLatestOldestFirst()
    {
        var operations = new SavepointOperations();
        for (var i = 1; i <= 5; i++) operations.Started($"t{i}", i, SavepointMode.Savepoint, drain: false);
        operations.Completed(4, "savepoints/four");

        var recent = operations.Recent(3);

        Assert.Equal(["t3", "t4", "t5"], recent.Select(s => s.TriggerId));
        Assert.Equal(SavepointStatusKind.Completed, recent[1].Status);
    }

    [Fact]
    public void Restore_WhenAnOperationWasInProgress_ReportsItFailedWithTheCauseAndKeepsTheOthers()
    {
        var before = new SavepointOperations();
        before.Started("done", 3, SavepointMode.Savepoint, drain: false);
        before.Completed(3, "savepoints/three");
        before.Started("rescale", 4, SavepointMode.Rescale, drain: false, parallelism: 8);
        before.Started("stop", 5, SavepointMode.StopWithSavepoint, drain: false);

        var after = new SavepointOperations();
        after.Restore(before.Recent(20), "the job manager was lost");

        Assert.Equal(SavepointStatusKind.Completed, after.Get("done")?.Status);
        Assert.Equal("savepoints/three", after.Get("done")?.Location);
        Assert.Equal(SavepointStatusKind.Failed, after.Get("rescale")?.Status);
        Assert.Equal("the job manager was lost", after.Get("rescale")?.FailureCause);
        Assert.Equal(8, after.Get("rescale")?.Parallelism);
        Assert.Equal(SavepointStatusKind.Failed, after.Get("stop")?.Status);
        Assert.False(after.StopInProgress); // a new stop may start
        Assert.Null(after.Completed(5, "savepoints/late")); // a late completion of the lost attempt changes nothing
    }
}
