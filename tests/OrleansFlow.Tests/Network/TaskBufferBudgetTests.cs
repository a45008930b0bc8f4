using OrleansFlow.Network;

namespace OrleansFlow.Tests.Network;

public sealed class TaskBufferBudgetTests
{
    private static TaskBufferBudget Open(NetworkBufferPool pool, params OutputBufferShape[] outputs)
    {
        var budget = new TaskBufferBudget(pool, "job/1/0");
        foreach (var output in outputs) budget.AddOutput(output);
        budget.Open();
        return budget;
    }

    [Fact]
    public void Open_WhenThePoolCannotHoldTheMinimum_ThrowsNamingTheFiguresAndTakesNothing()
    {
        var pool = new NetworkBufferPool(3000);
        Assert.True(pool.TryAcquire(2500));
        var budget = new TaskBufferBudget(pool, "job/1/0");
        budget.AddOutput(new OutputBufferShape(1024, 64, 8, Broadcast: false));

        var error = Assert.Throws<InsufficientNetworkMemoryException>(budget.Open);

        Assert.Contains("needs 1 KiB", error.Message, StringComparison.Ordinal);
        Assert.Contains("500 bytes of 2.9 KiB", error.Message, StringComparison.Ordinal);
        Assert.Contains("OrleansFlow:NetworkMemory", error.Message, StringComparison.Ordinal);
        Assert.Equal(2500, pool.Used);
    }

    [Fact]
    public void Lease_WhenTheReservationIsSpent_NeedsRefillUntilTheLeaseComesBack()
    {
        var pool = new NetworkBufferPool(1000);
        var budget = Open(pool, new OutputBufferShape(400, 16, 4, false));
        Assert.Equal(400, pool.Used);
        Assert.True(pool.TryAcquire(600)); // someone else holds the rest

        var lease = budget.Lease(400);
        Assert.True(budget.NeedsRefill);
        Assert.False(budget.TryRefill());
        Assert.Equal(0, budget.StepSize(16));

        lease.Return(); // back to this task's reservation first, not to the pool
        Assert.False(budget.NeedsRefill);
        Assert.Equal(400, budget.Reserved);
        Assert.Equal(1000, pool.Used);
    }

    [Fact]
    public void Lease_WhenTheReservationIsFull_GoesBackToThePool()
    {
        var pool = new NetworkBufferPool(10_000);
        var budget = Open(pool, new OutputBufferShape(400, 16, 4, false));
        Assert.Equal(16, budget.StepSize(16)); // tops up to a whole step: (4 + 1) buffers
        Assert.Equal(2000, pool.Used);

        var leases = Enumerable.Range(0, 5).Select(_ => budget.Lease(400)).ToList();
        Assert.Equal(2000, pool.Used);
        foreach (var lease in leases) lease.Return();

        Assert.Equal(400, budget.Reserved); // the minimum stays; the rest is the pool's again
        Assert.Equal(400, pool.Used);
    }

    [Fact]
    public async Task WaitForMinimumAsync_WhenTheTasksOwnLeaseReturns_Completes()
    {
        var pool = new NetworkBufferPool(400);
        var budget = Open(pool, new OutputBufferShape(400, 16, 1, false));
        var lease = budget.Lease(400);
        var wait = budget.WaitForMinimumAsync();
        Assert.False(wait.IsCompleted);
        Assert.Equal(1, pool.Waits);

        lease.Return();

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(budget.NeedsRefill);
    }

    [Fact]
    public async Task WaitForMinimumAsync_WhenDisposed_Completes()
    {
        var pool = new NetworkBufferPool(400);
        var budget = Open(pool, new OutputBufferShape(400, 16, 1, false));
        var lease = budget.Lease(400);
        var wait = budget.WaitForMinimumAsync();

        budget.Dispose();

        await wait.WaitAsync(TimeSpan.FromSeconds(5));
        lease.Return(); // a lease that comes back after the task stopped goes to the pool
        Assert.Equal(0, pool.Used);
    }

    [Fact]
    public void Lease_WhenOneRecordEmitsMoreThanThePoolHolds_OverdrawsAndBlocksUntilRepaid()
    {
        var pool = new NetworkBufferPool(400);
        var budget = Open(pool, new OutputBufferShape(400, 16, 1, false));

        var first = budget.Lease(400);
        var overdraft = budget.Lease(400); // a flat map's second batch in one record: nowhere in the bound

        Assert.True(overdraft.IsOverdraft);
        Assert.Equal(400, pool.Used); // the bound holds; the overdraft is counted apart
        Assert.Equal(400, pool.Overdraft);
        first.Return();
        Assert.False(budget.TryRefill()); // still blocked: its overdraft is out
        overdraft.Return();
        Assert.True(budget.TryRefill());
        Assert.Equal(0, pool.Overdraft);
        Assert.Equal(400, pool.OverdraftPeak);
    }

    [Fact]
    public void Dispose_WhenReserved_GivesTheReservationBack()
    {
        var pool = new NetworkBufferPool(1000);
        var budget = Open(pool, new OutputBufferShape(300, 16, 2, false));

        budget.Dispose();

        Assert.Equal(0, pool.Used);
    }
}
