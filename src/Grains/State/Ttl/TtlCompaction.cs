namespace OrleansFlow.State.Ttl;

/// <summary>
/// What is left of a stored value at a time (pure): nothing when it expired; for a list or map, the unexpired elements
/// (a new collection when some expired, never the stored one changed in place, which a snapshot may still read).
/// </summary>
internal static class TtlCompaction
{
    public static (bool Keep, TtlValue<T> Value) Value<T>(TtlValue<T> stored, long now, long ttlMs) => (!stored.IsExpired(now, ttlMs), stored);

    public static (bool Keep, List<TtlValue<T>> Value) List<T>(List<TtlValue<T>> stored, long now, long ttlMs)
    {
        var expired = 0;
        foreach (var element in stored)
            if (element.IsExpired(now, ttlMs)) expired++;
        if (expired == 0) return (true, stored);
        if (expired == stored.Count) return (false, stored);
        return (true, stored.FindAll(e => !e.IsExpired(now, ttlMs)));
    }

    public static (bool Keep, Dictionary<TUserKey, TtlValue<TValue>> Value) Map<TUserKey, TValue>(Dictionary<TUserKey, TtlValue<TValue>> stored, long now, long ttlMs)
        where TUserKey : notnull
    {
        var expired = 0;
        foreach (var entry in stored)
            if (entry.Value.IsExpired(now, ttlMs)) expired++;
        if (expired == 0) return (true, stored);
        if (expired == stored.Count) return (false, stored);
        var kept = new Dictionary<TUserKey, TtlValue<TValue>>(stored.Count - expired, stored.Comparer);
        foreach (var entry in stored)
            if (!entry.Value.IsExpired(now, ttlMs)) kept.Add(entry.Key, entry.Value);
        return (true, kept);
    }
}
