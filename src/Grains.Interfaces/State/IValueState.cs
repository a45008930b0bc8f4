namespace OrleansFlow.State;

/// <summary>One value per key (Flink's <c>ValueState</c>).</summary>
public interface IValueState<T> : IState
{
    /// <summary>The current key's value, or the descriptor's default when it has none.</summary>
    T Value { get; }

    /// <summary>Whether the current key has a value.</summary>
    bool TryGetValue(out T value);

    /// <summary>Sets the current key's value.</summary>
    void Update(T value);
}
