using OrleansFlow.Api;
using OrleansFlow.Tasks;

namespace OrleansFlow.Operators;

/// <summary>
/// Where an operator emits (Flink's <c>Output</c>): records through <see cref="ICollector{T}.Collect"/> (the per-record
/// hot path, a plain interface call), and event time in between. Implemented by the next operator of the chain
/// (<see cref="ChainedOutput{T}"/>), by a record writer (the vertex's outgoing channels), by several of them, or by
/// nothing. Runs on the task's turn.
/// </summary>
internal interface IOutput<in T> : ICollector<T>
{
    /// <summary>Event time reached <paramref name="watermark"/> for what follows.</summary>
    void EmitWatermark(Watermark watermark);

    /// <summary>The stream became idle or active.</summary>
    void EmitWatermarkStatus(WatermarkStatus status);
}
