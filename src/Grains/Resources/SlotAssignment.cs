namespace OrleansFlow.Resources;

/// <summary>
/// Where a job's slots go (pure): slot by slot onto the silo with the most free slots, ties to the silo listed first, so
/// a job spreads evenly (2 silos with 4 free each take p = 8 as 4 + 4) and the same inputs give the same placement.
/// </summary>
internal static class SlotAssignment
{
    /// <summary>
    /// The silo of each of <paramref name="needed"/> slots, or null when the silos have fewer free slots in total.
    /// <paramref name="free"/> lists the silos in a stable order with their free slots (never negative).
    /// </summary>
    public static string[]? Assign(IReadOnlyList<(string Silo, int Free)> free, int needed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(needed);
        var remaining = free.Select(f => Math.Max(0, f.Free)).ToArray();
        if (remaining.Sum(r => (long)r) < needed) return null;
        var slots = new string[needed];
        for (var i = 0; i < needed; i++)
        {
            var best = 0;
            for (var s = 1; s < remaining.Length; s++)
            {
                if (remaining[s] > remaining[best]) best = s;
            }
            slots[i] = free[best].Silo;
            remaining[best]--;
        }
        return slots;
    }

    /// <summary>
    /// Each silo's free slots: its capacity minus the slots on it held by jobs other than <paramref name="exceptJob"/>.
    /// Holdings on silos not in <paramref name="capacity"/> (no longer active) count for nothing.
    /// </summary>
    public static List<(string Silo, int Free)> FreeSlots(
        IReadOnlyList<(string Silo, int Slots)> capacity, IReadOnlyDictionary<string, IReadOnlyList<string>> held, string? exceptJob)
    {
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (job, silos) in held)
        {
            if (job == exceptJob) continue;
            foreach (var silo in silos) used[silo] = used.GetValueOrDefault(silo) + 1;
        }
        return capacity.Select(c => (c.Silo, Math.Max(0, c.Slots - used.GetValueOrDefault(c.Silo)))).ToList();
    }
}
