namespace OrleansFlow.State;

/// <summary>A list per key (Flink's <c>ListState</c>).</summary>
public interface IListState<T> : IState
{
    /// <summary>The current key's elements in insertion order (empty when none).</summary>
    IReadOnlyList<T> Get();

    /// <summary>Appends one element.</summary>
    void Add(T value);

    /// <summary>Appends elements in order.</summary>
    void AddAll(IEnumerable<T> values);

    /// <summary>Replaces the current key's list.</summary>
    void Update(IEnumerable<T> values);
}
