namespace OrleansFlow.Tasks;

/// <summary>A task's counters, the silo it runs on, and its current input watermark.</summary>
/// <param name="RecordsIn">Records received from upstream tasks.</param>
/// <param name="RecordsOut">Records sent to downstream tasks.</param>
/// <param name="Host">The silo.</param>
/// <param name="InputWatermark">
/// The task's input watermark (Flink's <c>currentInputWatermark</c>): the minimum over its input channels, or a source's
/// own over its splits; <see cref="long.MinValue"/> before the first watermark.
/// </param>
/// <param name="LateRecordsDropped">Records the task's operators dropped as too late for event time (Flink's <c>numLateRecordsDropped</c>).</param>
[GenerateSerializer, Immutable, Alias("OrleansFlow.TaskMetrics")]
public readonly record struct TaskMetrics(
    [property: Id(0)] long RecordsIn,
    [property: Id(1)] long RecordsOut,
    [property: Id(2)] string? Host = null,
    [property: Id(3)] long InputWatermark = long.MinValue,
    [property: Id(4)] long LateRecordsDropped = 0);
