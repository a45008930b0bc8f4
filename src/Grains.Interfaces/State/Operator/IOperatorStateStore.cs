namespace OrleansFlow.State;

/// <summary>
/// The non-keyed states of one operator in one subtask (Flink's <c>OperatorStateStore</c>). A state is registered by
/// its descriptor's name, which is its identity in checkpoints and savepoints; asking again with the same name and
/// type returns the same state, with another kind or type throws <see cref="InvalidOperationException"/>. Not
/// thread-safe: the task's turn only. How a state is redistributed when the operator's parallelism changes:
/// <list type="bullet">
/// <item><see cref="GetListState{T}"/>: the elements of all subtasks, in subtask order, are split into contiguous even
/// shares (at the same parallelism each subtask keeps its own);</item>
/// <item><see cref="GetUnionListState{T}"/>: every subtask gets every element of every subtask;</item>
/// <item><see cref="GetBroadcastState{TKey, TValue}"/>: every subtask gets the same map, from one copy (subtask 0's).
/// Only the broadcast side of a broadcast connection writes it, so every subtask holds the same map.</item>
/// </list>
/// </summary>
public interface IOperatorStateStore
{
    /// <summary>A list redistributed in even shares on rescale.</summary>
    IListState<T> GetListState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>A list of which every subtask gets all elements on restore.</summary>
    IListState<T> GetUnionListState<T>(ListStateDescriptor<T> descriptor);

    /// <summary>A map every subtask holds the same copy of.</summary>
    IBroadcastState<TKey, TValue> GetBroadcastState<TKey, TValue>(MapStateDescriptor<TKey, TValue> descriptor) where TKey : notnull;

    /// <summary>The names of the registered states (and of restored states not registered again yet).</summary>
    IReadOnlyCollection<string> StateNames { get; }
}
