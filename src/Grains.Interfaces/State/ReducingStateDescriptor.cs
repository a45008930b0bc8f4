namespace OrleansFlow.State;

/// <summary>Describes an <see cref="IReducingState{T}"/> with its reduce function.</summary>
public sealed class ReducingStateDescriptor<T>(string name, Func<T, T, T> reduce) : StateDescriptor(name)
{
    /// <summary>Folds two values into one; must be associative.</summary>
    public Func<T, T, T> Reduce { get; } = reduce ?? throw new ArgumentNullException(nameof(reduce));

    /// <inheritdoc />
    public override StateKind Kind => StateKind.Reducing;
}
