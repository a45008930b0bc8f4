namespace OrleansFlow.State.Ttl;

/// <summary>The read of a single stored <see cref="TtlValue{T}"/> that value, reducing and aggregating states share.</summary>
internal static class TtlRead
{
    /// <summary>The current key's unexpired value (renewed when reads renew); an expired one is cleared and not returned.</summary>
    public static bool TryRead<T>(IValueState<TtlValue<T>> inner, TtlPolicy policy, out T value)
    {
        if (inner.TryGetValue(out var stored))
        {
            var now = policy.Now();
            if (!policy.IsExpired(stored, now))
            {
                if (policy.RenewOnRead) inner.Update(stored with { LastAccess = now });
                value = stored.Value;
                return true;
            }
            inner.Clear();
        }
        value = default!;
        return false;
    }
}
