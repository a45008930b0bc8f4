namespace OrleansFlow.State;

/// <summary>A value per key folded with a reduce function (Flink's <c>ReducingState</c>).</summary>
public interface IReducingState<T> : IState
{
    /// <summary>Folds <paramref name="value"/> into the current key's value (or stores it when there is none).</summary>
    void Add(T value);

    /// <summary>The current key's folded value.</summary>
    bool TryGet(out T value);
}
