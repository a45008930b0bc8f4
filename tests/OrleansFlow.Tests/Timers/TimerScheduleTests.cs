using OrleansFlow.Timers;

namespace OrleansFlow.Tests.Timers;

/// <summary>The timer schedule against a reference multiset: every take is the earliest entry, each entry once.</summary>
public sealed class TimerScheduleTests
{
    [Theory]
    [InlineData(1, 50)] // timestamps close together: counting sorts
    [InlineData(2, 1_000_000_000)] // far apart: comparison sorts
    [InlineData(3, 5_000)]
    public void TryTake_WhenEntriesComeInBatchesAndWhileTaking_TakesTheEarliestEachTime(int seed, long spread)
    {
        var random = new Random(seed);
        var schedule = new TimerSchedule<string>();
        var reference = new List<(long Timestamp, string Key)>();
        var now = 0L;
        var taken = 0;
        for (var round = 0; round < 300; round++)
        {
            for (var i = random.Next(0, 200); i > 0; i--)
            {
                var timestamp = now + random.NextInt64(-spread / 10, spread);
                var key = $"k{random.Next(0, 50)}";
                schedule.Add(timestamp, key, 0);
                reference.Add((timestamp, key));
            }
            Assert.Equal(reference.Count == 0 ? long.MaxValue : reference.Min(r => r.Timestamp), schedule.NextTimestamp);

            now += random.NextInt64(0, spread / 2 + 1);
            using (schedule.BeginTaking())
            {
                while (schedule.TryTake(now, out var entry))
                {
                    var earliest = reference.Min(r => r.Timestamp);
                    Assert.Equal(earliest, entry.Timestamp);
                    Assert.True(reference.Remove((entry.Timestamp, entry.Key)), $"{entry} was never added or already taken");
                    taken++;
                    if (random.Next(0, 10) == 0) // a callback registers another, possibly before the one taken
                    {
                        var timestamp = entry.Timestamp + random.NextInt64(-spread / 10, spread / 5 + 1);
                        schedule.Add(timestamp, "cb", 1);
                        reference.Add((timestamp, "cb"));
                    }
                }
            }
            Assert.True(reference.All(r => r.Timestamp > now), "an entry at or before the time was left");
            Assert.Equal(reference.Count, schedule.Count);
        }

        Assert.True(taken > 10_000, $"only {taken} taken");
        using (schedule.BeginTaking())
        {
            while (schedule.TryTake(long.MaxValue, out var entry)) Assert.True(reference.Remove((entry.Timestamp, entry.Key)));
        }
        Assert.Empty(reference);
        Assert.Equal(0, schedule.Count);
        Assert.Equal(long.MaxValue, schedule.NextTimestamp);
    }

    [Fact]
    public void TryTake_WhenTimestampsAreEqual_TakesThemInTheOrderAdded()
    {
        var schedule = new TimerSchedule<string>();
        foreach (var key in new[] { "a", "b", "c" }) schedule.Add(5, key, 0);
        schedule.Add(4, "z", 0);

        var keys = new List<string>();
        using (schedule.BeginTaking())
        {
            while (schedule.TryTake(5, out var entry)) keys.Add(entry.Key);
        }

        Assert.Equal(["z", "a", "b", "c"], keys);
    }
}
