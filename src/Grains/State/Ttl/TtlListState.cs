namespace OrleansFlow.State.Ttl;

/// <summary><see cref="IListState{T}"/> with time to live per element, over a list state of <see cref="TtlValue{T}"/>.</summary>
internal sealed class TtlListState<T>(IListState<TtlValue<T>> inner, TtlPolicy policy) : IListState<T>
{
    public IReadOnlyList<T> Get()
    {
        policy.Cleanup();
        var stored = inner.Get();
        if (stored.Count == 0) return [];
        var now = policy.Now();
        var live = new List<TtlValue<T>>(stored.Count);
        foreach (var element in stored)
            if (!policy.IsExpired(element, now)) live.Add(policy.RenewOnRead ? element with { LastAccess = now } : element);
        if (live.Count != stored.Count || policy.RenewOnRead) inner.Update(live);
        return live.ConvertAll(e => e.Value);
    }

    public void Add(T value)
    {
        policy.Cleanup();
        inner.Add(new TtlValue<T>(value, policy.Now()));
    }

    public void AddAll(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        policy.Cleanup();
        var now = policy.Now();
        inner.AddAll(values.Select(v => new TtlValue<T>(v, now)).ToList());
    }

    public void Update(IEnumerable<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        policy.Cleanup();
        var now = policy.Now();
        inner.Update(values.Select(v => new TtlValue<T>(v, now)).ToList());
    }

    public void Clear() => inner.Clear();
}
