namespace OrleansFlow.State;

/// <summary>Describes an <see cref="IMapState{TUserKey, TValue}"/>.</summary>
public sealed class MapStateDescriptor<TUserKey, TValue>(string name) : StateDescriptor(name) where TUserKey : notnull
{
    /// <inheritdoc />
    public override StateKind Kind => StateKind.Map;
}
