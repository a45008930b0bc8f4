using OrleansFlow.State;

namespace OrleansFlow.Api;

/// <summary>
/// A stream every subtask of the next operator reads whole, with the broadcast states it declares (Flink's
/// <c>BroadcastStream</c>): made by <see cref="DataStream{T}.Broadcast(StateDescriptor[])"/>, consumed by
/// <see cref="DataStream{T}.Connect{T2}(BroadcastStream{T2})"/> or <see cref="KeyedStream{TKey, T}.Connect{T2}(BroadcastStream{T2})"/>.
/// </summary>
public sealed class BroadcastStream<T>
{
    internal BroadcastStream(DataStream<T> stream, IReadOnlyList<StateDescriptor> descriptors)
    {
        Stream = stream;
        Descriptors = descriptors;
    }

    internal DataStream<T> Stream { get; }

    /// <summary>The broadcast states (map state descriptors) the connected operator holds.</summary>
    public IReadOnlyList<StateDescriptor> Descriptors { get; }
}
