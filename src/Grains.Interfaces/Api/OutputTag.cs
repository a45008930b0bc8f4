namespace OrleansFlow.Api;

/// <summary>
/// Names a side output of an operator (Flink's <c>OutputTag</c>): a function emits into it with
/// <see cref="KeyedContext{TKey}.Output{T}"/>, and <see cref="DataStream{T}.GetSideOutput{TSide}"/> reads it as a
/// stream of its own. Tags are equal when their ids are.
/// </summary>
public sealed class OutputTag<T> : IEquatable<OutputTag<T>>
{
    /// <summary>A tag; <paramref name="id"/> must be non-empty and is unique per operator.</summary>
    public OutputTag(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The tag's id.</summary>
    public string Id { get; }

    /// <inheritdoc />
    public bool Equals(OutputTag<T>? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutputTag<T>);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <inheritdoc />
    public override string ToString() => $"OutputTag<{typeof(T).Name}>({Id})";
}
