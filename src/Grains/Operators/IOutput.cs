using OrleansFlow.Api;

namespace OrleansFlow.Operators;

/// <summary>
/// Where an operator emits (Flink's <c>Output</c>): records through <see cref="ICollector{T}.Collect"/> (the per-record
/// hot path, a plain interface call), and event time in between (<see cref="IEventTimeOutput"/>). Implemented by the
/// next operator of the chain (<see cref="ChainedOutput{T}"/>), by a record writer (the vertex's outgoing channels), by
/// several of them, or by nothing. Runs on the task's turn.
/// </summary>
internal interface IOutput<in T> : ICollector<T>, IEventTimeOutput
{
}
