namespace OrleansFlow.State;

/// <summary>
/// How a <see cref="CopyOnWriteStateMap{TKey, TValue}"/> keeps its frozen layers unchanged while the values of type
/// <typeparamref name="T"/> are shared with the layer above: which accesses copy a value out of a frozen layer first,
/// and how (built by <see cref="StateCopyPolicies"/>). Immutable.
/// </summary>
internal sealed class StateCopyPolicy<T>
{
    private readonly Func<T, T>? _copy;

    /// <summary>Creates a policy; <paramref name="copy"/> is required when either flag is set.</summary>
    public StateCopyPolicy(bool copyOnWrite, bool copyOnRead, Func<T, T>? copy)
    {
        if ((copyOnWrite || copyOnRead) && copy is null) throw new ArgumentNullException(nameof(copy));
        CopyOnWrite = copyOnWrite;
        CopyOnRead = copyOnRead;
        _copy = copy;
    }

    /// <summary>The policy of values that are never changed in place (numbers, strings, immutable types): no copies.</summary>
    public static StateCopyPolicy<T> None { get; } = new(false, false, null);

    /// <summary>The state's handle changes a stored value in place (a list, a map, a mutable accumulator): copy it before the first update.</summary>
    public bool CopyOnWrite { get; }

    /// <summary>A read hands out an object the caller may change (a mutable value): copy it on the first read.</summary>
    public bool CopyOnRead { get; }

    /// <summary>A copy of <paramref name="value"/> that shares nothing mutable with it.</summary>
    public T Copy(T value) => _copy is null ? value : _copy(value);
}
