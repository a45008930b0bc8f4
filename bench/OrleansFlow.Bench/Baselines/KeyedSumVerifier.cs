namespace OrleansFlow.Bench;

/// <summary>Closed-form expected results of the keyed-sum workload; throws on any mismatch so no benchmark can cheat.</summary>
public static class KeyedSumVerifier
{
    /// <summary>Sum of all values: 0 + 1 + ... + (n-1).</summary>
    public static long ExpectedTotal(long events) => events * (events - 1) / 2;

    /// <summary>Number of distinct keys that receive at least one event.</summary>
    public static long ExpectedKeyCount(long events, long keys) => Math.Min(events, keys);

    /// <summary>Sum for key k: values k, k+K, k+2K, ... below n.</summary>
    public static long ExpectedSum(long events, long keys, long key)
    {
        long count = events / keys + (key < events % keys ? 1 : 0);
        return count * key + keys * (count * (count - 1) / 2);
    }

    /// <summary>Full check of a per-key dictionary: key count, every key's sum, and the total.</summary>
    public static void Verify(string name, IReadOnlyDictionary<long, long> sums, long events, long keys)
    {
        long expectedKeys = ExpectedKeyCount(events, keys);
        if (sums.Count != expectedKeys)
        {
            throw new InvalidOperationException($"{name}: expected {expectedKeys} keys, got {sums.Count}.");
        }

        long total = 0;
        foreach (var (key, sum) in sums)
        {
            if (key < 0 || key >= keys)
            {
                throw new InvalidOperationException($"{name}: unexpected key {key}.");
            }

            long expected = ExpectedSum(events, keys, key);
            if (sum != expected)
            {
                throw new InvalidOperationException($"{name}: key {key} sum {sum}, expected {expected}.");
            }

            total += sum;
        }

        VerifyTotal(name, total, events);
    }

    public static void VerifyTotal(string name, long total, long events)
    {
        long expected = ExpectedTotal(events);
        if (total != expected)
        {
            throw new InvalidOperationException($"{name}: total {total}, expected {expected}.");
        }
    }
}
