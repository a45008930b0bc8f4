namespace OrleansFlow.State;

/// <summary>Describes an <see cref="IAggregatingState{TIn, TOut}"/>: the accumulator of type <typeparamref name="TAcc"/> is what is stored.</summary>
public sealed class AggregatingStateDescriptor<TIn, TAcc, TOut>(string name, IAggregateFunction<TIn, TAcc, TOut> function) : StateDescriptor(name)
{
    /// <summary>The aggregation.</summary>
    public IAggregateFunction<TIn, TAcc, TOut> Function { get; } = function ?? throw new ArgumentNullException(nameof(function));

    /// <inheritdoc />
    public override StateKind Kind => StateKind.Aggregating;
}
