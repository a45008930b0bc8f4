namespace OrleansFlow.State;

/// <summary>Describes an <see cref="IListState{T}"/>.</summary>
public sealed class ListStateDescriptor<T>(string name) : StateDescriptor(name)
{
    /// <inheritdoc />
    public override StateKind Kind => StateKind.List;
}
