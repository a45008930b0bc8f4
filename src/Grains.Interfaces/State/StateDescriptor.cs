namespace OrleansFlow.State;

/// <summary>The kind of a keyed state, written into snapshots.</summary>
public enum StateKind : byte
{
    /// <summary><see cref="IValueState{T}"/>.</summary>
    Value = 1,
    /// <summary><see cref="IListState{T}"/>.</summary>
    List = 2,
    /// <summary><see cref="IMapState{TUserKey, TValue}"/>.</summary>
    Map = 3,
    /// <summary><see cref="IReducingState{T}"/>.</summary>
    Reducing = 4,
    /// <summary><see cref="IAggregatingState{TIn, TOut}"/>.</summary>
    Aggregating = 5,
}

/// <summary>Names a keyed state and its type. The name is the state's identity in snapshots and savepoints.</summary>
public abstract class StateDescriptor
{
    /// <summary>Creates a descriptor; <paramref name="name"/> must be non-empty.</summary>
    protected StateDescriptor(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    /// <summary>The state's name, unique within its operator.</summary>
    public string Name { get; }

    /// <summary>The state's kind.</summary>
    public abstract StateKind Kind { get; }

    /// <summary>The time to live of the state's values, or null (the default) for values that never expire.</summary>
    public StateTtlConfig? Ttl { get; private set; }

    /// <summary>Gives the state's values a time to live (Flink's <c>enableTimeToLive</c>); call before the state is first used.</summary>
    public void EnableTimeToLive(StateTtlConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Ttl = config;
    }
}
