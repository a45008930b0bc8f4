namespace OrleansFlow.State.Ttl;

/// <summary><see cref="IValueState{T}"/> with time to live over a value state of <see cref="TtlValue{T}"/>.</summary>
internal sealed class TtlValueState<T>(IValueState<TtlValue<T>> inner, TtlPolicy policy, T defaultValue) : IValueState<T>
{
    private static readonly bool CanBeNull = default(T) is null;

    public T Value => TryGetValue(out var value) ? value : defaultValue;

    public bool TryGetValue(out T value)
    {
        policy.Cleanup();
        if (TtlRead.TryRead(inner, policy, out var stored))
        {
            value = stored;
            return true;
        }
        value = defaultValue;
        return false;
    }

    public void Update(T value)
    {
        policy.Cleanup();
        if (CanBeNull && value is null) inner.Clear();
        else inner.Update(new TtlValue<T>(value, policy.Now()));
    }

    public void Clear() => inner.Clear();
}
