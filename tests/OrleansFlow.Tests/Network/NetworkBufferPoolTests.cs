using OrleansFlow.Network;

namespace OrleansFlow.Tests.Network;

public sealed class NetworkBufferPoolTests
{
    [Fact]
    public void TryAcquire_WhenBeyondCapacity_TakesNothing()
    {
        var pool = new NetworkBufferPool(100);

        Assert.True(pool.TryAcquire(60));
        Assert.False(pool.TryAcquire(41));
        Assert.Equal(60, pool.Used);
        Assert.True(pool.TryAcquire(40));
        Assert.Equal(100, pool.Peak);
    }

    [Fact]
    public async Task NextReleaseAsync_WhenBytesAreReleased_Completes()
    {
        var pool = new NetworkBufferPool(100);
        Assert.True(pool.TryAcquire(100));
        var released = pool.NextReleaseAsync();
        Assert.False(released.IsCompleted);

        pool.Release(30);

        await released.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(70, pool.Used);
        Assert.Equal(100, pool.Peak);
    }

    [Fact]
    public void Release_WhenMoreThanHeld_Throws()
    {
        var pool = new NetworkBufferPool(100);
        pool.TryAcquire(10);

        Assert.Throws<InvalidOperationException>(() => pool.Release(11));
        Assert.Equal(10, pool.Used);
    }

    [Fact]
    public async Task TryAcquire_WhenManyThreadsRace_NeverExceedsCapacity()
    {
        var pool = new NetworkBufferPool(1000);
        await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var bytes = 1 + (i * 7 + t) % 300;
                if (pool.TryAcquire(bytes)) pool.Release(bytes);
            }
        })));

        Assert.True(pool.Peak <= 1000, $"peak {pool.Peak}");
        Assert.Equal(0, pool.Used);
    }
}
