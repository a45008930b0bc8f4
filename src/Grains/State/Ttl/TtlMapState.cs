namespace OrleansFlow.State.Ttl;

/// <summary><see cref="IMapState{TUserKey, TValue}"/> with time to live per entry, over a map state of <see cref="TtlValue{T}"/>.</summary>
internal sealed class TtlMapState<TUserKey, TValue>(IMapState<TUserKey, TtlValue<TValue>> inner, TtlPolicy policy) : IMapState<TUserKey, TValue>
    where TUserKey : notnull
{
    public bool TryGetValue(TUserKey userKey, out TValue value)
    {
        policy.Cleanup();
        if (inner.TryGetValue(userKey, out var stored))
        {
            var now = policy.Now();
            if (!policy.IsExpired(stored, now))
            {
                if (policy.RenewOnRead) inner.Put(userKey, stored with { LastAccess = now });
                value = stored.Value;
                return true;
            }
            inner.Remove(userKey);
        }
        value = default!;
        return false;
    }

    public void Put(TUserKey userKey, TValue value)
    {
        policy.Cleanup();
        inner.Put(userKey, new TtlValue<TValue>(value, policy.Now()));
    }

    public bool Remove(TUserKey userKey)
    {
        var existed = TryGetValue(userKey, out _);
        inner.Remove(userKey);
        return existed;
    }

    public bool Contains(TUserKey userKey) => TryGetValue(userKey, out _);

    public IEnumerable<KeyValuePair<TUserKey, TValue>> Entries()
    {
        policy.Cleanup();
        var now = policy.Now();
        var live = new List<KeyValuePair<TUserKey, TValue>>();
        List<TUserKey>? expired = null;
        List<KeyValuePair<TUserKey, TtlValue<TValue>>>? renewed = null;
        foreach (var (key, stored) in inner.Entries())
        {
            if (policy.IsExpired(stored, now))
            {
                (expired ??= []).Add(key);
                continue;
            }
            live.Add(new(key, stored.Value));
            if (policy.RenewOnRead) (renewed ??= []).Add(new(key, stored with { LastAccess = now }));
        }
        foreach (var key in expired ?? []) inner.Remove(key);
        foreach (var (key, stored) in renewed ?? []) inner.Put(key, stored);
        return live;
    }

    public bool IsEmpty => !Entries().Any();

    public void Clear() => inner.Clear();
}
