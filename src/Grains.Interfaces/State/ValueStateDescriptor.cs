namespace OrleansFlow.State;

/// <summary>Describes an <see cref="IValueState{T}"/>.</summary>
public sealed class ValueStateDescriptor<T>(string name, T defaultValue = default!) : StateDescriptor(name)
{
    /// <summary>What <see cref="IValueState{T}.Value"/> returns for a key without a value.</summary>
    public T DefaultValue { get; } = defaultValue;

    /// <inheritdoc />
    public override StateKind Kind => StateKind.Value;
}
